package io.emostream.validation;

/**
 * Why a record went to the dead-letter topic; written to the {@code emostream.dlq.reason}
 * header and used as the tag of the dead-letter metric.
 */
public enum DeadLetterReason {
  /** The value is not Avro in the Confluent wire format, or names an unknown schema id. */
  UNDECODABLE,
  /** A record with no value (input topics carry no tombstones). */
  NULL_VALUE,
  /** The record key is not the callId of the value, so co-partitioning cannot hold. */
  KEY_MISMATCH,
  /** An audio encoding the app does not decode (UNKNOWN_ENCODING from a newer writer). */
  UNKNOWN_ENCODING,
  /** A sample rate outside the configured range or without a resampler ratio. */
  UNSUPPORTED_SAMPLE_RATE,
  /** A payload that is not a whole number of samples, or is empty. */
  PARTIAL_SAMPLES,
  /** A chunk longer than the configured maximum. */
  CHUNK_TOO_LONG,
  /** A negative channel, sequence or time. */
  INVALID_POSITION,
  /** A chunk whose sequence contradicts its start time against chunks already buffered. */
  SEQUENCE_CONFLICT,
  /** A transcript ending before it starts. */
  INVALID_TIMES,
  /** A transcript longer than the configured maximum utterance length. */
  UTTERANCE_TOO_LONG,
  /** A transcript whose text exceeds the configured maximum length. */
  TEXT_TOO_LONG,
  /** A transcript without an utterance id. */
  MISSING_UTTERANCE_ID,
  /** A call event of a type this version does not know. */
  UNKNOWN_EVENT_TYPE,
  /** Audio or a transcript for a call that has already ended and been summarised. */
  CALL_ALREADY_ENDED
}
