package io.emostream.assembly;

import io.emostream.avro.CallContext;
import io.emostream.avro.SpeakerRole;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per call bookkeeping of the assembler.
 *
 * @param roles          channel to speaker role from CALL_STARTED (empty until it arrives)
 * @param context        tenant, agent and queue from CALL_STARTED; null until it arrives
 * @param channels       per channel state
 * @param lastSeenWallMs wall-clock time of the call's latest record (idle calls are closed)
 */
record CallState(Map<Integer, SpeakerRole> roles, CallContext context, Map<Integer, ChannelState> channels,
                 long lastSeenWallMs) {

  CallState {
    roles = Map.copyOf(roles);
    channels = Map.copyOf(channels);
  }

  static CallState empty(long wallMs) {
    return new CallState(Map.of(), null, Map.of(), wallMs);
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
    return new CallState(roles, context, copy, Math.max(lastSeenWallMs, wallMs));
  }

  CallState started(Map<Integer, SpeakerRole> newRoles, CallContext newContext, long wallMs) {
    return new CallState(newRoles, newContext, channels, Math.max(lastSeenWallMs, wallMs));
  }

  CallState seen(long wallMs) {
    return new CallState(roles, context, channels, Math.max(lastSeenWallMs, wallMs));
  }
}
