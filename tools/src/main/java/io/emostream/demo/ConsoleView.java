package io.emostream.demo;

import io.emostream.avro.EmotionAlert;
import io.emostream.avro.ScoredUtterance;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The demo's live console: tails the scored utterances and the alerts (committed records only,
 * as a downstream consumer sees them) and prints one line each, alerts highlighted.
 */
public final class ConsoleView implements Runnable, AutoCloseable {

  private static final String RED = "\u001b[1;31m";
  private static final String GREEN = "\u001b[1;32m";
  private static final String RESET = "\u001b[0m";

  private final KafkaConsumer<String, SpecificRecord> consumer;
  private final PrintStream out;
  private final boolean color;
  private final AtomicInteger utterances = new AtomicInteger();
  private final AtomicInteger alerts = new AtomicInteger();

  public ConsoleView(String bootstrapServers, Deserializer<SpecificRecord> deserializer, List<String> topics,
                     PrintStream out, boolean color) {
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "emostream-demo-console-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), deserializer);
    this.consumer.subscribe(topics);
    this.out = out;
    this.color = color;
  }

  @Override
  public void run() {
    try {
      while (true) {
        for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(250))) {
          if (record.value() instanceof ScoredUtterance u) {
            utterances.incrementAndGet();
            out.println(line(u));
          } else if (record.value() instanceof EmotionAlert a) {
            alerts.incrementAndGet();
            out.println(line(a));
          }
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the consumer up: the demo is shutting down
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** Scored utterances printed so far. */
  public int utterancesShown() {
    return utterances.get();
  }

  /** Alert events printed so far. */
  public int alertsShown() {
    return alerts.get();
  }

  String line(ScoredUtterance u) {
    String text = u.getText() == null ? "(audio only)" : '"' + abbreviate(u.getText(), 60) + '"';
    return String.format(Locale.ROOT, "%-22s %-8s %-7s %3.0f%%  valence %+.2f  arousal %.2f  %s",
        u.getCallId(), u.getRole(), u.getLabel(), u.getConfidence() * 100, u.getValence(), u.getArousal(), text);
  }

  String line(EmotionAlert a) {
    String head = String.format(Locale.ROOT, "ALERT %s %s %s (%s, %s): %s", a.getStatus(), a.getCallId(), a.getRole(),
        a.getRule(), a.getSeverity(), a.getMessage());
    if (!color) {
      return head;
    }
    return (a.getStatus().name().equals("OPENED") ? RED : GREEN) + head + RESET;
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  @Override
  public void close() {
    consumer.wakeup();
  }
}
