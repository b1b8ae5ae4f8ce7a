package io.emostream.connect.avro;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and generic data to Connect schemas and values, so sinks (the JDBC sink) see typed
 * columns: records become structs named by the record's full name; enums strings (the enum's
 * name and symbols kept as schema parameters for the way back); {@code [null, X]} unions
 * optional X; arrays, string-keyed maps and bytes as such; timestamp-millis, date and time-millis
 * Connect's logical types; decimal Connect's Decimal. Other unions have no Connect equivalent and
 * fail with a {@link DataException}. Stateless; thread-safe.
 */
final class AvroToConnect {
  /** Schema parameter: full name of the Avro enum a string field came from. */
  static final String ENUM_PARAM = "io.emostream.connect.avro.enum";
  /** Schema parameter: that enum's symbols, comma-separated. */
  static final String ENUM_SYMBOLS_PARAM = "io.emostream.connect.avro.enum.symbols";
  /** Schema parameter: size of the Avro fixed a bytes field came from. */
  static final String FIXED_PARAM = "io.emostream.connect.avro.fixed";

  private static final long MS_PER_DAY = 86_400_000L;

  private AvroToConnect() {}

  static Schema schema(org.apache.avro.Schema avro) {
    return builder(avro).build();
  }

  private static SchemaBuilder builder(org.apache.avro.Schema avro) {
    LogicalType logical = avro.getLogicalType();
    return switch (avro.getType()) {
      case RECORD -> {
        SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
        if (avro.getDoc() != null) {
          struct.doc(avro.getDoc());
        }
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
          struct.field(field.name(), schema(field.schema()));
        }
        yield struct;
      }
      case ENUM -> SchemaBuilder.string().parameter(ENUM_PARAM, avro.getFullName())
          .parameter(ENUM_SYMBOLS_PARAM, String.join(",", avro.getEnumSymbols()));
      case UNION -> builder(nonNullBranch(avro)).optional();
      case ARRAY -> SchemaBuilder.array(schema(avro.getElementType()));
      case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, schema(avro.getValueType()));
      case STRING -> SchemaBuilder.string();
      case BYTES -> logical instanceof LogicalTypes.Decimal d ? Decimal.builder(d.getScale())
          : SchemaBuilder.bytes();
      case FIXED -> logical instanceof LogicalTypes.Decimal d ? Decimal.builder(d.getScale())
          : SchemaBuilder.bytes().parameter(FIXED_PARAM, String.valueOf(avro.getFixedSize()));
      case INT -> logical instanceof LogicalTypes.Date ? Date.builder()
          : logical instanceof LogicalTypes.TimeMillis ? Time.builder() : SchemaBuilder.int32();
      case LONG -> logical instanceof LogicalTypes.TimestampMillis ? Timestamp.builder()
          : SchemaBuilder.int64();
      case FLOAT -> SchemaBuilder.float32();
      case DOUBLE -> SchemaBuilder.float64();
      case BOOLEAN -> SchemaBuilder.bool();
      case NULL -> throw new DataException("Avro type null on its own has no Connect "
          + "equivalent (only as a branch of a [null, X] union)");
    };
  }

  /** The X of a {@code [null, X]} union. */
  static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema union) {
    List<org.apache.avro.Schema> branches = union.getTypes();
    List<org.apache.avro.Schema> nonNull = branches.stream()
        .filter(b -> b.getType() != org.apache.avro.Schema.Type.NULL).toList();
    if (nonNull.size() != 1 || branches.size() != 2) {
      throw new DataException("Avro union " + branches.stream().map(org.apache.avro.Schema::getName)
          .collect(Collectors.joining(", ", "[", "]")) + " has no Connect equivalent; only "
          + "[null, X] unions (optional fields) are supported");
    }
    return nonNull.get(0);
  }

  /**
   * Converts a datum read with {@code avro} (by a generic reader without logical-type
   * conversions) to a value of {@code connect}, which {@link #schema} made from {@code avro}.
   */
  static Object value(Schema connect, org.apache.avro.Schema avro, Object datum) {
    if (datum == null) {
      return null;
    }
    LogicalType logical = avro.getLogicalType();
    switch (avro.getType()) {
      case UNION:
        return value(connect, nonNullBranch(avro), datum);
      case RECORD: {
        IndexedRecord record = (IndexedRecord) datum;
        Struct struct = new Struct(connect);
        for (org.apache.avro.Schema.Field field : avro.getFields()) {
          struct.put(field.name(), value(connect.field(field.name()).schema(), field.schema(),
              record.get(field.pos())));
        }
        return struct;
      }
      case ENUM:
      case STRING:
        return datum.toString();
      case ARRAY: {
        List<Object> list = new ArrayList<>();
        for (Object item : (Iterable<?>) datum) {
          list.add(value(connect.valueSchema(), avro.getElementType(), item));
        }
        return list;
      }
      case MAP: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) datum).entrySet()) {
          map.put(e.getKey().toString(), value(connect.valueSchema(), avro.getValueType(),
              e.getValue()));
        }
        return map;
      }
      case BYTES:
      case FIXED: {
        byte[] bytes = datum instanceof GenericFixed fixed ? fixed.bytes().clone()
            : toArray((ByteBuffer) datum);
        return logical instanceof LogicalTypes.Decimal d
            ? new BigDecimal(new BigInteger(bytes), d.getScale()) : bytes;
      }
      case INT:
        if (logical instanceof LogicalTypes.Date) {
          return new java.util.Date(((Integer) datum) * MS_PER_DAY);
        }
        return logical instanceof LogicalTypes.TimeMillis
            ? new java.util.Date((Integer) datum) : datum;
      case LONG:
        return logical instanceof LogicalTypes.TimestampMillis
            ? new java.util.Date((Long) datum) : datum;
      default:
        return datum;
    }
  }

  private static byte[] toArray(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
