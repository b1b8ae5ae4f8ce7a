package io.emostream.schemas.calls;

import io.emostream.avro.SpeakerRole;
import java.util.Objects;

/**
 * Who speaks on one audio channel of a recorded call.
 *
 * @param channel WAV channel, from 0
 * @param role the speaker's role; never null
 */
public record ChannelAssignment(int channel, SpeakerRole role) {
  public ChannelAssignment {
    Objects.requireNonNull(role, "role");
  }
}
