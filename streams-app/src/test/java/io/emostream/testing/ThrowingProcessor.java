package io.emostream.testing;

import io.emostream.schemas.registry.RegistryUnreachableException;
import java.io.IOException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor that fails on purpose, for the dead-letter tests of Kafka Streams' processing handler:
 * {@value #BOOM} throws an {@link IllegalStateException} (a bug), {@value #REGISTRY_AWAY} a
 * {@link RegistryUnreachableException} (transient); anything else is forwarded.
 */
public final class ThrowingProcessor implements Processor<String, String, String, String> {

  public static final String BOOM = "boom";
  public static final String REGISTRY_AWAY = "registry away";
  public static final String MESSAGE = "boom on purpose";

  private ProcessorContext<String, String> context;

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.value().equals(BOOM)) {
      throw new IllegalStateException(MESSAGE);
    }
    if (record.value().equals(REGISTRY_AWAY)) {
      throw new RegistryUnreachableException("Schema registry unreachable", -1, new IOException("refused"));
    }
    context.forward(record);
  }
}
