package io.emostream.validation;

import io.emostream.audio.AudioDecoder;
import io.emostream.avro.AudioChunk;
import io.emostream.avro.AudioEncoding;
import io.emostream.avro.CallEvent;
import io.emostream.avro.CallEventType;
import io.emostream.avro.TranscriptSegment;
import io.emostream.deadletters.DeadLetterReason;
import io.emostream.deadletters.Rejection;
import java.util.Objects;
import java.util.Optional;

/**
 * Stateless semantic checks of decoded input records. Each method returns the first
 * problem found, or empty when the record is fine; none throws for bad data.
 */
public final class InputValidator {

  /** No call lasts a day: offsets beyond this are corrupt and would push a call's audio out of its buffer. */
  static final long MAX_CALL_OFFSET_MS = 24L * 60 * 60 * 1000;

  private final ValidationLimits limits;

  public InputValidator(ValidationLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** Checks an audio chunk read under {@code key}. */
  public Optional<Rejection> check(String key, AudioChunk chunk) {
    if (!chunk.getCallId().equals(key)) {
      return keyMismatch(key, chunk.getCallId());
    }
    if (chunk.getStartMs() > MAX_CALL_OFFSET_MS) {
      return reject(DeadLetterReason.INVALID_POSITION, "audio chunk starts " + chunk.getStartMs()
          + " ms into its call, more than 24 h: the offset is corrupt (startMs counts from the call's start)");
    }
    if (chunk.getChannel() < 0 || chunk.getSequence() < 0 || chunk.getStartMs() < 0) {
      return reject(DeadLetterReason.INVALID_POSITION, "audio chunk has channel " + chunk.getChannel()
          + ", sequence " + chunk.getSequence() + ", startMs " + chunk.getStartMs()
          + "; all must be >= 0");
    }
    int bytesPerSample = AudioDecoder.bytesPerSample(chunk.getEncoding());
    if (bytesPerSample == 0 || chunk.getEncoding() == AudioEncoding.UNKNOWN_ENCODING) {
      return reject(DeadLetterReason.UNKNOWN_ENCODING, "audio encoding " + chunk.getEncoding()
          + " is not supported; use PCM_S16LE, MULAW or ALAW");
    }
    int rate = chunk.getSampleRate();
    if (rate < limits.minSampleRate() || rate > limits.maxSampleRate()
        || !ValidationLimits.SUPPORTED_RATES.contains(rate)) {
      return reject(DeadLetterReason.UNSUPPORTED_SAMPLE_RATE, "sample rate " + rate
          + " Hz is not accepted; use one of " + ValidationLimits.SUPPORTED_RATES + " within "
          + limits.minSampleRate() + ".." + limits.maxSampleRate() + " Hz");
    }
    int bytes = chunk.getPayload().remaining();
    if (bytes == 0 || bytes % bytesPerSample != 0) {
      return reject(DeadLetterReason.PARTIAL_SAMPLES, "payload of " + bytes + " bytes is not a "
          + "positive whole number of " + bytesPerSample + "-byte " + chunk.getEncoding() + " samples");
    }
    long durationMs = (bytes / bytesPerSample) * 1000L / rate;
    if (durationMs > limits.maxChunkMs()) {
      return reject(DeadLetterReason.CHUNK_TOO_LONG, "chunk holds " + durationMs + " ms of audio, "
          + "more than the maximum of " + limits.maxChunkMs() + " ms; split it into smaller chunks");
    }
    return Optional.empty();
  }

  /** Checks a transcript segment read under {@code key}. */
  public Optional<Rejection> check(String key, TranscriptSegment segment) {
    if (!segment.getCallId().equals(key)) {
      return keyMismatch(key, segment.getCallId());
    }
    if (segment.getUtteranceId() == null || segment.getUtteranceId().isBlank()) {
      return reject(DeadLetterReason.MISSING_UTTERANCE_ID, "transcript has a blank utteranceId; "
          + "the ASR must give each utterance an id");
    }
    if (segment.getChannel() < 0 || segment.getStartMs() < 0) {
      return reject(DeadLetterReason.INVALID_POSITION, "transcript " + segment.getUtteranceId()
          + " has channel " + segment.getChannel() + " and startMs " + segment.getStartMs()
          + "; both must be >= 0");
    }
    if (segment.getEndMs() > MAX_CALL_OFFSET_MS) {
      return reject(DeadLetterReason.INVALID_POSITION, "transcript " + segment.getUtteranceId() + " ends "
          + segment.getEndMs() + " ms into its call, more than 24 h: the times are corrupt");
    }
    if (segment.getEndMs() < segment.getStartMs()) {
      return reject(DeadLetterReason.INVALID_TIMES, "transcript " + segment.getUtteranceId()
          + " ends at " + segment.getEndMs() + " ms, before its start at " + segment.getStartMs() + " ms");
    }
    long length = segment.getEndMs() - segment.getStartMs();
    if (length > limits.maxUtteranceMs()) {
      return reject(DeadLetterReason.UTTERANCE_TOO_LONG, "transcript " + segment.getUtteranceId()
          + " spans " + length + " ms, more than assembly.max-utterance (" + limits.maxUtteranceMs() + " ms)");
    }
    if (segment.getText().length() > limits.maxTextLength()) {
      return reject(DeadLetterReason.TEXT_TOO_LONG, "transcript " + segment.getUtteranceId() + " has "
          + segment.getText().length() + " characters, more than assembly.max-text-length ("
          + limits.maxTextLength() + ")");
    }
    return Optional.empty();
  }

  /** Checks a call event read under {@code key}. */
  public Optional<Rejection> check(String key, CallEvent event) {
    if (!event.getCallId().equals(key)) {
      return keyMismatch(key, event.getCallId());
    }
    if (event.getType() == CallEventType.UNKNOWN_EVENT) {
      return reject(DeadLetterReason.UNKNOWN_EVENT_TYPE, "call event type " + event.getType()
          + " is not handled; expected CALL_STARTED or CALL_ENDED");
    }
    return Optional.empty();
  }

  private static Optional<Rejection> keyMismatch(String key, String callId) {
    return reject(DeadLetterReason.KEY_MISMATCH, "record key '" + key + "' differs from callId '"
        + callId + "'; producers must key every record by its callId");
  }

  private static Optional<Rejection> reject(DeadLetterReason reason, String detail) {
    return Optional.of(new Rejection(reason, detail));
  }
}
