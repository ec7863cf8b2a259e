package syntop.collectors;

import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints why a test did not run, on the test's output, which the build shows in its log: surefire's
 * console names a skipped test but not the reason its assumption or condition gave. Registered for
 * every module's tests by the build (the parent pom turns on JUnit's extension autodetection, and
 * this module's test jar carries the service file).
 */
public final class SkipReasons implements TestWatcher {
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        say(context, cause == null ? "aborted" : String.valueOf(cause.getMessage()));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        say(context, reason.orElse("disabled"));
    }

    private static void say(ExtensionContext context, String reason) {
        System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getTestMethod().map(m -> m.getName()).orElse(context.getDisplayName()) + ": " + reason);
    }
}
