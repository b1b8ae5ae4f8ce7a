package io.emostream.common;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The serializer of a sink fed {@link CallFlow}s: writes the one record type its topic holds with
 * that topic's serializer, and refuses any other kind, naming it (a wiring mistake).
 *
 * @param <V> the record type of the topic
 */
public final class CallFlowSerializer<V> implements Serializer<CallFlow> {

  private final Class<V> type;
  private final Serializer<V> inner;

  private CallFlowSerializer(Class<V> type, Serializer<V> inner) {
    this.type = Objects.requireNonNull(type, "type");
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /** Writes the {@code type} records of the flow with {@code inner}. */
  public static <V> CallFlowSerializer<V> of(Class<V> type, Serializer<V> inner) {
    return new CallFlowSerializer<>(type, inner);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    inner.configure(configs, isKey);
  }

  @Override
  public byte[] serialize(String topic, CallFlow flow) {
    return flow == null ? null : inner.serialize(topic, unwrap(topic, flow));
  }

  @Override
  public byte[] serialize(String topic, Headers headers, CallFlow flow) {
    return flow == null ? null : inner.serialize(topic, headers, unwrap(topic, flow));
  }

  private V unwrap(String topic, CallFlow flow) {
    if (!type.isInstance(flow.value())) {
      throw new IllegalArgumentException("The sink of " + topic + " writes " + type.getSimpleName() + " but got a "
          + flow.getClass().getSimpleName() + " of call " + flow.callId() + " (check the topology wiring)");
    }
    return type.cast(flow.value());
  }

  @Override
  public void close() {
    inner.close();
  }
}
