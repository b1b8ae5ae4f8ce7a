package io.emostream.deadletters;

/**
 * Why a record went to the dead-letter topic: the value of the {@code emostream.dlq.reason} header
 * and the {@code reason} label of {@code emostream_dead_letters_total}. One enum for every writer
 * (validation, assembly, scoring and Kafka Streams' exception handlers); the README's dead-letter
 * table says what an operator does about each.
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
  CALL_ALREADY_ENDED,
  /** An assembled utterance the model cannot take at all (e.g. neither audio nor text). */
  UNSCORABLE,
  /** The model failed on an utterance alone, after every retry. */
  MODEL_FAILED,
  /** Kafka Streams could not deserialize a record it reads with a typed serde (e.g. emotion.utterances). */
  DESERIALIZATION_FAILED,
  /** A processor or punctuator threw an exception nothing else handled. */
  STREAMS_PROCESSING_ERROR,
  /** An output record could not be serialized for its topic. */
  SERIALIZATION_FAILED
}
