// Ctrl-C on bricks:run, as a terminal delivers it: SIGINT to the whole foreground process group (Maven's JVM and every
// function JVM it started). Starts `mvn bricks:run` in a session of its own (setsid), calls the route so that a
// function JVM is running, sends SIGINT to the group and checks: Maven exits promptly, every process it started is
// gone, every port bricks-local listened on is free again, and no stack trace was printed. Run by verify.groovy, after
// the invocations of invoker.properties built the project and its zip.
import java.util.concurrent.TimeUnit

// setsid, env --default-signal (coreutils 8.31+) and /proc are Linux's; CI runs on Linux
if (!new File('/proc/self/stat').isFile()) {
    println 'bricks:run Ctrl-C check skipped: it needs Linux (setsid, /proc)'
    return true
}

def outerRepository = System.getProperty('maven.repo.local') ?: new File(System.getProperty('user.home'), '.m2/repository').path
def settings = new File(basedir, 'interrupt-settings.xml')
settings.setText(new File(basedir, '../../../src/it/settings.xml').getText('UTF-8')
        .replace('@localRepositoryUrl@', new File(outerRepository).toURI().toString()), 'UTF-8')
def out = new File(basedir, 'interrupt.log')
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
// env --default-signal=INT: a JVM started with SIGINT ignored (as a background job of a non-interactive shell, such
// as a CI step, starts it) never sees Ctrl-C, and Maven inherits that from this JVM; a terminal's foreground job has
// the default action, as here. setsid: Maven's own process group, so that the signal reaches it and its children only.
def command = ['env', '--default-signal=INT', 'setsid', mvn, '-B', '-o', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}".toString(),
               '-Daether.offline.protocols=file', '-DskipTests', 'bricks:run', '-Dbricks.port=0', '-Dbricks.noColor=true']
def builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).redirectOutput(out)
builder.environment().put('MAVEN_OPTS', '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC')
def maven = builder.start()
try {
    // the start-up table's endpoints: API, DynamoDB, EventBridge, S3, SES, Console
    def endpoint = ~/(?m)^\s*(API|DynamoDB|EventBridge|S3|SES)\s+http:\/\/127\.0\.0\.1:(\d+)/
    long deadline = System.currentTimeMillis() + 300_000
    Map<String, Integer> ports = [:]
    while (!(ports.containsKey('API')) && maven.isAlive() && System.currentTimeMillis() < deadline) {
        sleep(200)
        def m = endpoint.matcher(out.getText('UTF-8'))
        while (m.find()) {
            ports[m.group(1)] = m.group(2) as int
        }
    }
    assert ports.containsKey('API') : "bricks:run printed no API endpoint:\n${out.getText('UTF-8')}"
    sleep(500) // the rest of the table
    def m = endpoint.matcher(out.getText('UTF-8'))
    while (m.find()) {
        ports[m.group(1)] = m.group(2) as int
    }

    def connection = new URL("http://127.0.0.1:${ports.API}/hello/it").openConnection()
    connection.readTimeout = 120_000
    assert connection.responseCode == 200 : "GET /hello/it answered ${connection.responseCode} during bricks:run"

    def group = new File("/proc/${maven.pid()}/stat").text.replaceFirst(/^.*\) /, '').split(' ')[2] as long
    assert group == maven.pid() : "mvn is not the leader of its own process group (group ${group}, pid ${maven.pid()})"
    def children = maven.toHandle().descendants().toList()
    def functions = children.findAll { it.info().commandLine().orElse('').contains('hello-1.0') }
    assert !functions.isEmpty() : "no function JVM among Maven's child processes: ${children*.info()*.commandLine()}"
    int before = out.getText('UTF-8').length()

    long sent = System.nanoTime()
    assert ['kill', '-INT', '--', "-${group}".toString()].execute().waitFor() == 0 : 'kill -INT failed'
    boolean exited = maven.waitFor(60, TimeUnit.SECONDS)
    long stoppedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)
    assert exited : "bricks:run still running 60 s after Ctrl-C:\n${out.getText('UTF-8').substring(before)}"

    def after = out.getText('UTF-8').substring(before)
    def alive = children.findAll { it.isAlive() }
    assert alive.isEmpty() : "still running after Ctrl-C: ${alive*.info()*.commandLine()}"
    ports.each { name, port ->
        try {
            new ServerSocket(port, 1, InetAddress.getByName('127.0.0.1')).close()
        } catch (IOException e) {
            assert false : "${name}'s port ${port} still in use after Ctrl-C: ${e.message}"
        }
    }
    assert !(after =~ /(?m)^\s*at [\w.$]+\(/) : "a stack trace after Ctrl-C:\n${after}"
    assert !after.contains('Exception') : "an exception after Ctrl-C:\n${after}"
    assert after.contains('bricks:run stopped in ') : "bricks:run did not say it stopped:\n${after}"
    assert stoppedMillis < 30_000 : "Ctrl-C took ${stoppedMillis} ms"
    println "bricks:run Ctrl-C: Maven exited ${maven.exitValue()} after ${stoppedMillis} ms; ${children.size()} child" +
            " processes (${functions.size()} function JVMs) gone; ports ${ports} free"
} finally {
    if (maven.isAlive()) {
        maven.toHandle().descendants().each { it.destroyForcibly() }
        maven.destroyForcibly()
    }
}
return true
