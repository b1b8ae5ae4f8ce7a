package io.emostream.testing;

import io.emostream.embedded.DevRegistry;

/**
 * One dev registry per test JVM, started on first use and shared by every test class, because a
 * start costs seconds and a registry is cheap to share: tests isolate themselves by using their
 * own subject names.
 *
 * <p>Stopped at JVM exit by {@link DevRegistry}'s own shutdown hook; tests must not close it.
 * A failed start is remembered and rethrown to later callers at once, so one broken build does not
 * make every test class wait for the start-up timeout again.
 *
 * <p>Shared state rule: do not change the registry's global config ({@code PUT /config});
 * set compatibility per subject.
 */
public final class SharedDevRegistry {

  private static DevRegistry instance;
  private static RuntimeException startFailure;

  private SharedDevRegistry() {}

  /** The running shared registry, started on the first call; never null. */
  public static synchronized DevRegistry get() {
    if (startFailure != null) {
      throw new IllegalStateException("The shared dev registry failed to start earlier in this JVM",
          startFailure);
    }
    if (instance == null) {
      try {
        instance = DevRegistry.start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return instance;
  }

  /** The shared registry's Confluent-compatible base URL, e.g. {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
  public static String url() {
    return get().url();
  }
}
