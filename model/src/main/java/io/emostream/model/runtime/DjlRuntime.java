package io.emostream.model.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process-wide DJL settings that must be in place before the engine first loads.
 *
 * <p>emostream never downloads anything at run time: DJL is switched to offline mode and its
 * usage tracking is disabled here, by the code, so users need no flags. Thread counts of the
 * PyTorch engine are set from {@code emostream.model.threads} (intra-op) when given, because on
 * small machines several stream threads times the default intra-op pool oversubscribe the
 * cores badly. Values the user already set as system properties win.
 */
public final class DjlRuntime {

  /** The only engine emostream uses. */
  public static final String ENGINE = "PyTorch";

  private static final Logger LOG = LoggerFactory.getLogger(DjlRuntime.class);
  private static final AtomicBoolean CONFIGURED = new AtomicBoolean();

  private DjlRuntime() {}

  /** Applies the offline and threading settings once; cheap to call again. */
  public static void ensureConfigured() {
    if (!CONFIGURED.compareAndSet(false, true)) {
      return;
    }
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("OPT_OUT_TRACKING", "true");
    String threads = System.getProperty("emostream.model.threads");
    if (threads != null) {
      setIfAbsent("ai.djl.pytorch.num_threads", threads);
      setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }
    LOG.debug("DJL offline={}, pytorch threads={}",
        System.getProperty("ai.djl.offline"), System.getProperty("ai.djl.pytorch.num_threads"));
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
