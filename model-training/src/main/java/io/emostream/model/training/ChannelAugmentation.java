package io.emostream.model.training;

import io.emostream.model.channel.Channel;
import io.emostream.model.channel.ChannelSimulator;

/** The channel augmentation the trainer uses: a random realistic chain per clip and epoch. */
public final class ChannelAugmentation {

  private ChannelAugmentation() {}

  /** Renders through {@link Channel#random}: noise floors or none, G.711, telephone band, level, packet loss. */
  public static AudioAugmentation random() {
    return (audio, random) -> ChannelSimulator.render(audio, Channel.random(random));
  }
}
