package io.emostream.assembly;

import io.emostream.avro.CallContext;
import io.emostream.avro.SpeakerRole;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per call bookkeeping of the assembler.
 *
 * <p>A call ends in two steps. CALL_ENDED only marks it as {@linkplain #ending() ending}:
 * its audio and transcripts travel on other topics and may still be on their way, so the call
 * keeps assembling for {@code assembly.max-wait}, and longer while the task is still reading
 * audio or transcripts older than the CALL_ENDED (a backlog). Then it is flushed and replaced by an
 * {@linkplain #ended() ended} marker, kept for {@code assembly.call-idle-timeout}, so that
 * records arriving even later are dead-lettered instead of bringing the call back.
 *
 * @param roles          channel to speaker role from CALL_STARTED (empty until it arrives)
 * @param context        tenant, agent and queue from CALL_STARTED; null until it arrives
 * @param channels       per channel state
 * @param lastSeenWallMs wall-clock time of the call's latest record (idle calls are closed)
 * @param ending         the CALL_ENDED being waited out, or null
 * @param endedWallMs    when the call was flushed and cleared, or -1 while it is live
 */
record CallState(Map<Integer, SpeakerRole> roles, CallContext context, Map<Integer, ChannelState> channels,
                 long lastSeenWallMs, Ending ending, long endedWallMs) {

  /**
   * A CALL_ENDED that has been received but not acted on yet.
   *
   * @param requestedWallMs when it arrived (wall clock)
   * @param eventTimestamp  its record timestamp, kept for the event passed downstream
   * @param attributes      its attributes
   */
  record Ending(long requestedWallMs, long eventTimestamp, Map<String, String> attributes) {
    Ending {
      attributes = Map.copyOf(attributes);
    }
  }

  CallState {
    roles = Map.copyOf(roles);
    channels = Map.copyOf(channels);
  }

  static CallState empty(long wallMs) {
    return new CallState(Map.of(), null, Map.of(), wallMs, null, -1);
  }

  /** What is left of a call once it has been flushed: a marker that it ended. */
  static CallState endedMarker(long wallMs) {
    return new CallState(Map.of(), null, Map.of(), wallMs, null, wallMs);
  }

  boolean ended() {
    return endedWallMs >= 0;
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
    return new CallState(roles, context, copy, Math.max(lastSeenWallMs, wallMs), ending, endedWallMs);
  }

  CallState started(Map<Integer, SpeakerRole> newRoles, CallContext newContext, long wallMs) {
    return new CallState(newRoles, newContext, channels, Math.max(lastSeenWallMs, wallMs), ending, endedWallMs);
  }

  CallState endingWith(Ending end) {
    return new CallState(roles, context, channels, Math.max(lastSeenWallMs, end.requestedWallMs()), end, endedWallMs);
  }

  CallState seen(long wallMs) {
    return new CallState(roles, context, channels, Math.max(lastSeenWallMs, wallMs), ending, endedWallMs);
  }
}
