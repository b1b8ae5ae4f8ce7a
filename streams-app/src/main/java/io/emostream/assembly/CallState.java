package io.emostream.assembly;

import io.emostream.avro.SpeakerRole;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per call bookkeeping of the assembler.
 *
 * @param roles          channel to speaker role from CALL_STARTED (empty until it arrives)
 * @param channels       per channel state
 * @param lastSeenWallMs wall-clock time of the call's latest record (idle calls are closed)
 */
record CallState(Map<Integer, SpeakerRole> roles, Map<Integer, ChannelState> channels, long lastSeenWallMs) {

  CallState {
    roles = Map.copyOf(roles);
    channels = Map.copyOf(channels);
  }

  static CallState empty(long wallMs) {
    return new CallState(Map.of(), Map.of(), wallMs);
  }

  SpeakerRole role(int channel) {
    return roles.getOrDefault(channel, SpeakerRole.UNKNOWN);
  }

  ChannelState channel(int channel) {
    return channels.getOrDefault(channel, ChannelState.empty());
  }

  CallState with(int channel, ChannelState state, long wallMs) {
    Map<Integer, ChannelState> copy = new TreeMap<>(channels);
    copy.put(channel, state);
    return new CallState(roles, copy, Math.max(lastSeenWallMs, wallMs));
  }

  CallState withRoles(Map<Integer, SpeakerRole> newRoles, long wallMs) {
    return new CallState(newRoles, channels, Math.max(lastSeenWallMs, wallMs));
  }

  CallState seen(long wallMs) {
    return new CallState(roles, channels, Math.max(lastSeenWallMs, wallMs));
  }
}
