package io.emostream.deadletters;

import java.util.Locale;

/** Where in the pipeline a record was given up on: the value of the {@code emostream.dlq.stage} header. */
public enum DeadLetterStage {
  /** Input checks on calls.audio, calls.transcripts and calls.events. */
  VALIDATION,
  /** The utterance assembler's stateful checks. */
  ASSEMBLY,
  /** The emotion scorer: the record is the assembled utterance (Avro {@code Utterance}). */
  SCORING,
  /** Kafka Streams' deserialization exception handler, at a source node. */
  DESERIALIZATION,
  /** Kafka Streams' processing exception handler: a processor or punctuator threw. */
  PROCESSING,
  /** Kafka Streams' production exception handler: an output record could not be serialized. */
  PRODUCTION;

  /** The header value, e.g. {@code validation}. */
  public String headerValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
