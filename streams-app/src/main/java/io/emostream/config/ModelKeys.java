package io.emostream.config;

import io.emostream.model.runtime.DeviceSpec;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The {@code model.*} keys: which model runs, where, with how many threads. */
public final class ModelKeys {

  public static final String LOCATION_CONFIG = "model.location";
  /** The model bundled in the jar: trained on synthetic speech, for demos and trials. */
  public static final String LOCATION_DEFAULT = "classpath:io/emostream/model/demo";
  static final String LOCATION_DOC = "The model: a bundle directory, a TorchScript manifest, or a classpath: "
      + "resource; the default is the demo model bundled in the jar.";

  public static final String DEVICE_CONFIG = "model.device";
  public static final String DEVICE_DEFAULT = "auto";
  static final String DEVICE_DOC = "Where the model runs: auto (the first GPU when the engine sees one, "
      + "else the CPU), cpu, gpu or gpu:N.";

  public static final String THREADS_CONFIG = "model.threads";
  static final String THREADS_DOC = "PyTorch intra-op threads; unset: one less than the cores, at least 1.";

  private ModelKeys() {}

  static ConfigDef define(ConfigDef def) {
    return def
        .define(LOCATION_CONFIG, Type.STRING, LOCATION_DEFAULT, new ConfigDef.NonEmptyString(), Importance.HIGH,
            LOCATION_DOC)
        .define(DEVICE_CONFIG, Type.STRING, DEVICE_DEFAULT,
            Validators.matching("auto, cpu, gpu or gpu:N (e.g. gpu:0)", v -> DeviceSpec.parse(v) != null),
            Importance.MEDIUM, DEVICE_DOC)
        .define(THREADS_CONFIG, Type.INT, null, Validators.intIn(1, 1024), Importance.MEDIUM, THREADS_DOC);
  }
}
