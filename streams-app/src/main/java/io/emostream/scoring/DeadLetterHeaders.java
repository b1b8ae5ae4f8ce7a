package io.emostream.scoring;

/** Header names on records the app sends to the dead-letter topic. */
public final class DeadLetterHeaders {

  /** Human-readable cause, naming the record. */
  public static final String REASON = "emostream.dlq.reason";
  /** Class name of the exception that made the record fail. */
  public static final String EXCEPTION = "emostream.dlq.exception";
  /** Processing stage that gave up on the record, e.g. {@code scoring}. */
  public static final String STAGE = "emostream.dlq.stage";
  /** Call the record belongs to. */
  public static final String CALL_ID = "emostream.dlq.call-id";
  /** Utterance the record is, when it is one. */
  public static final String UTTERANCE_ID = "emostream.dlq.utterance-id";
  /** Avro record type of the value bytes, e.g. {@code io.emostream.avro.Utterance}. */
  public static final String VALUE_TYPE = "emostream.dlq.value-type";

  private DeadLetterHeaders() {}
}
