package io.emostream.model.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
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
 *
 * <p>{@link #engine()} loads the engine and, once, switches off libtorch's NNPACK backend
 * ({@link Nnpack}: on CPUs it does not support it would print a warning on every model call).
 */
public final class DjlRuntime {

  /** The only engine emostream uses. */
  public static final String ENGINE = "PyTorch";

  private static final Logger LOG = LoggerFactory.getLogger(DjlRuntime.class);
  private static final AtomicBoolean CONFIGURED = new AtomicBoolean();
  private static final AtomicBoolean ENGINE_TUNED = new AtomicBoolean();

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

  /**
   * The PyTorch engine, loaded with these settings; the first call also switches NNPACK off.
   * Use this rather than {@code Engine.getEngine} so that every path into the engine gets both.
   */
  public static Engine engine() {
    ensureConfigured();
    Engine engine = Engine.getEngine(ENGINE);
    if (ENGINE_TUNED.compareAndSet(false, true)) {
      boolean off = Nnpack.disable();
      LOG.debug("NNPACK switched off: {}", off);
    }
    return engine;
  }

  /**
   * The engine as one phrase for the start-up line, e.g.
   * {@code PyTorch 2.7.1 (DJL 0.35.1), 1 intra-op / 1 inter-op threads}.
   */
  public static String describe() {
    Engine engine = engine();
    return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + "), "
        + JniUtils.getNumThreads() + " intra-op / " + JniUtils.getNumInteropThreads() + " inter-op threads";
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
