package dev.bricks.events;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The default client's credentials, first found wins: environment variables (Lambda without SnapStart, CI), JVM
 * system properties ({@code aws.accessKeyId}, tests), container credentials
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} + {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}: Lambda with SnapStart,
 * also ECS), the shared profile files ({@code ~/.aws/credentials}, {@code AWS_PROFILE}: a developer machine). No
 * instance-metadata (IMDS) lookup, which off EC2 would only add timeouts.
 *
 * <p>The environment variables are asked first, and the rest of the chain is built only when they hold no
 * credentials, then kept (an SDK {@link AwsCredentialsProviderChain} that reuses the provider that answered): on
 * Lambda without SnapStart the container, profile and caching classes are never loaded. Nothing is read at
 * creation. Thread-safe.
 */
final class DefaultCredentials implements AwsCredentialsProvider {

    private final EnvironmentVariableCredentialsProvider environment = EnvironmentVariableCredentialsProvider.create();
    private volatile AwsCredentialsProvider chain;

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider built = chain;
        if (built == null) {
            try {
                return environment.resolveCredentials();
            } catch (SdkClientException noEnvironmentCredentials) {
                built = chain();
            }
        }
        return built.resolveCredentials();
    }

    /** Whether the environment variables held no credentials once, so the whole chain was built. */
    boolean chainBuilt() {
        return chain != null;
    }

    private synchronized AwsCredentialsProvider chain() {
        if (chain == null) {
            chain = AwsCredentialsProviderChain.builder()
                    .credentialsProviders(
                            environment,
                            SystemPropertyCredentialsProvider.create(),
                            ContainerCredentialsProvider.create(),
                            ProfileCredentialsProvider.create())
                    .build();
        }
        return chain;
    }

    @Override
    public String toString() {
        return "DefaultCredentials(environment, system properties, container, profile)";
    }
}
