package io.emostream.model.training;

import io.emostream.model.net.NetConfig;
import java.util.Locale;

/**
 * Named network sizes for {@code emostream train --size}.
 *
 * <p>{@code tiny} trains in seconds (tests); {@code small} in minutes; {@code demo} is the
 * bundled model (about 0.4 M parameters, a ~2 MB bundle; 8x time subsampling and one text layer
 * keep an epoch of a few thousand utterances to minutes on 2 shared cores); {@code default} is {@link NetConfig#DEFAULT} (2.2 M parameters).
 */
public enum ModelSize {
  TINY(new NetConfig(32, 2, 1, 1, 64, 0.1f, 4, 80, 512, 4, 32, 6 * 16_000, 32)),
  SMALL(new NetConfig(64, 4, 1, 1, 128, 0.1f, 4, 80, 2048, 4, 64, 8 * 16_000, 48)),
  DEMO(new NetConfig(64, 4, 2, 1, 128, 0.1f, 8, 80, 4096, 4, 128, 8 * 16_000, 48)),
  DEFAULT(NetConfig.DEFAULT);

  private final NetConfig net;

  ModelSize(NetConfig net) {
    this.net = net;
  }

  public NetConfig net() {
    return net;
  }

  /** Parses {@code tiny | small | demo | default} (case-insensitive). */
  public static ModelSize parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("model size '" + text + "' is not valid: use tiny, small, demo or default");
    }
  }
}
