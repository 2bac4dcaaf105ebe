package dev.bricks.local.eventbridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers matched events to targets asynchronously, retries failures with the target's policy and keeps
 * the dead-letter list. Thread-safe.
 */
final class Deliverer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LocalEventBridge.class.getName());

    private final DeliveryPolicy defaultPolicy;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Map<String, EventTarget> callbacks = new ConcurrentHashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Object idle = new Object();
    private int inFlight;
    private final AtomicInteger delivered = new AtomicInteger();

    private final EventTarget fallback;

    Deliverer(DeliveryPolicy defaultPolicy, int threads, Clock clock, EventTarget fallback) {
        this.defaultPolicy = defaultPolicy;
        this.fallback = fallback;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "local-eventbridge-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void register(String arn, EventTarget target) {
        callbacks.put(arn, target);
    }

    /** Queues one event for one target of a rule. */
    void submit(Rule rule, Target target, String envelopeJson, Optional<String> traceHeader) {
        DeliveryPolicy policy = target.policy().orElse(defaultPolicy);
        Job job = new Job(rule.name(), target, envelopeJson, traceHeader, policy, clock.instant());
        synchronized (idle) {
            inFlight++;
        }
        schedule(() -> attempt(job, 1), 0);
    }

    private void attempt(Job job, int attempt) {
        EventTarget callback = callbacks.getOrDefault(job.target().arn(), fallback);
        if (callback == null) {
            finish(
                    job,
                    DeadLetter.Reason.NO_SUCH_TARGET,
                    0,
                    "no callback registered for target ARN " + job.target().arn());
            return;
        }
        try {
            callback.deliver(new DeliveredEvent(
                    job.envelopeJson(),
                    job.traceHeader(),
                    job.ruleName(),
                    job.target().id(),
                    attempt));
            delivered.incrementAndGet();
            done();
        } catch (VirtualMachineError e) {
            done();
            throw e;
        } catch (Throwable e) {
            String error = e.getClass().getName() + ": " + e.getMessage();
            DeliveryPolicy policy = job.policy();
            if (attempt >= policy.maxAttempts()) {
                finish(job, DeadLetter.Reason.MAX_ATTEMPTS_REACHED, attempt, error);
                return;
            }
            long delay = policy.backoffMillis(
                    attempt + 1, ThreadLocalRandom.current().nextDouble());
            Instant next = clock.instant().plusMillis(delay);
            if (next.isAfter(job.firstSeen().plus(policy.maxEventAge()))) {
                finish(job, DeadLetter.Reason.MAX_EVENT_AGE_EXCEEDED, attempt, error);
                return;
            }
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "target {0} of rule {1} failed attempt {2}, retrying in {3} ms: {4}",
                    job.target().id(),
                    job.ruleName(),
                    attempt,
                    delay,
                    error);
            schedule(() -> attempt(job, attempt + 1), delay);
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            done();
        }
    }

    private void finish(Job job, DeadLetter.Reason reason, int attempts, String error) {
        LOG.log(
                System.Logger.Level.WARNING,
                "dead-lettered event for target {0} of rule {1} after {2} attempt(s) ({3}): {4}",
                job.target().id(),
                job.ruleName(),
                attempts,
                reason,
                error);
        synchronized (deadLetters) {
            deadLetters.add(new DeadLetter(
                    job.ruleName(), job.target().id(), job.envelopeJson(), reason, attempts, error, clock.instant()));
        }
        done();
    }

    private void done() {
        synchronized (idle) {
            inFlight--;
            if (inFlight == 0) {
                idle.notifyAll();
            }
        }
    }

    List<DeadLetter> deadLetters() {
        synchronized (deadLetters) {
            return List.copyOf(deadLetters);
        }
    }

    int deliveredCount() {
        return delivered.get();
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private record Job(
            String ruleName,
            Target target,
            String envelopeJson,
            Optional<String> traceHeader,
            DeliveryPolicy policy,
            Instant firstSeen) {}
}
