package io.emostream.schemas;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEmotionRollup;
import io.emostream.avro.CallEmotionSummary;
import io.emostream.avro.CallEvent;
import io.emostream.avro.EmotionAlert;
import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.ScoredUtterance;
import io.emostream.avro.TranscriptSegment;
import io.emostream.avro.Utterance;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro contracts emostream reads and writes: every record type that is a topic value (input,
 * output or internal). The schema-history check and start-up checks iterate over this list, so a
 * new topic record type must be added here.
 */
public final class Schemas {

  /** Topic value classes, inputs first, in topology order. */
  public static final List<Class<? extends SpecificRecord>> TOPIC_VALUE_CLASSES = List.of(
      AudioChunk.class,
      TranscriptSegment.class,
      CallEvent.class,
      Utterance.class,
      ScoredUtterance.class,
      CallEmotionRollup.class,
      GroupEmotionWindow.class,
      CallEmotionSummary.class,
      EmotionAlert.class);

  private Schemas() {}

  /** The schema generated into {@code type}, with its logical types; never null. */
  public static Schema schemaOf(Class<? extends SpecificRecord> type) {
    return SpecificData.getForClass(type).getSchema(type);
  }
}
