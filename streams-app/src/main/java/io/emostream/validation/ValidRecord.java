package io.emostream.validation;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * An input record that decoded and passed the stateless checks, still carrying its
 * original bytes so that a later stateful check can dead-letter it unchanged.
 *
 * @param value    the decoded value (AudioChunk, TranscriptSegment or CallEvent; not null)
 * @param rawKey   the key bytes as read (may be null)
 * @param rawValue the value bytes as read (not null)
 */
public record ValidRecord(SpecificRecord value, byte[] rawKey, byte[] rawValue) {

  public ValidRecord {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rawValue, "rawValue");
  }
}
