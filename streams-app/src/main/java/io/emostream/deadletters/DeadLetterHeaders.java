package io.emostream.deadletters;

import java.util.List;

/**
 * The one header set of {@code emotion.dead-letters}. Every letter carries every header, whoever
 * wrote it; a value that is not known is an empty string ({@code -1} for partition and offset). The
 * record's own headers are kept beside them, and key, value and timestamp are the original ones.
 */
public final class DeadLetterHeaders {

  /** {@link DeadLetterReason} name, e.g. {@code UNDECODABLE}. */
  public static final String REASON = "emostream.dlq.reason";
  /** {@link DeadLetterStage} in lower case, e.g. {@code validation}. */
  public static final String STAGE = "emostream.dlq.stage";
  /** A sentence naming the bad value and, where there is one, the fix. */
  public static final String DETAIL = "emostream.dlq.detail";
  /** Topic of the record that failed; empty when there is no single source record (scoring). */
  public static final String TOPIC = "emostream.dlq.topic";
  /** Partition of that record, or -1. */
  public static final String PARTITION = "emostream.dlq.partition";
  /** Offset of that record, or -1. */
  public static final String OFFSET = "emostream.dlq.offset";
  /** Class name of the exception behind the failure; empty when a check refused the record. */
  public static final String EXCEPTION = "emostream.dlq.exception";
  /** Message of that exception; empty when there is none. */
  public static final String EXCEPTION_MESSAGE = "emostream.dlq.exception-message";
  /** The call the record belongs to, when it can be told. */
  public static final String CALL_ID = "emostream.dlq.call-id";
  /** The utterance the record is or belongs to, when it can be told. */
  public static final String UTTERANCE_ID = "emostream.dlq.utterance-id";

  /** Every header above, in the order they are written. */
  public static final List<String> ALL = List.of(REASON, STAGE, DETAIL, TOPIC, PARTITION, OFFSET, EXCEPTION,
      EXCEPTION_MESSAGE, CALL_ID, UTTERANCE_ID);

  /** Prefix of every emostream dead-letter header. */
  public static final String PREFIX = "emostream.dlq.";

  private DeadLetterHeaders() {}
}
