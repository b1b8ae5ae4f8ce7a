package io.emostream.connect.avro;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect schemas and values to Avro, the reverse of {@link AvroToConnect}: a schema that came
 * from Avro converts back to the same names, enums, optional unions and logical types, so data
 * written back is readable with the generated classes. Each conversion defines every named type
 * once (Avro forbids redefinitions), reusing it where the Connect schema repeats it.
 */
final class ConnectToAvro {
  private static final String DEFAULT_RECORD_NAME = "io.emostream.connect.avro.ConnectRecord";
  private static final long MS_PER_DAY = 86_400_000L;

  private final Map<String, org.apache.avro.Schema> named = new HashMap<>();
  private int anonymousRecords;

  private ConnectToAvro() {}

  static org.apache.avro.Schema schema(Schema connect) {
    return new ConnectToAvro().convert(connect);
  }

  private org.apache.avro.Schema convert(Schema connect) {
    org.apache.avro.Schema base = required(connect);
    return connect.isOptional()
        ? org.apache.avro.Schema.createUnion(org.apache.avro.Schema.create(
            org.apache.avro.Schema.Type.NULL), base)
        : base;
  }

  private org.apache.avro.Schema required(Schema connect) {
    String name = connect.name();
    Map<String, String> params = connect.parameters() == null ? Map.of() : connect.parameters();
    switch (connect.type()) {
      case STRUCT: {
        String full = name != null ? name : DEFAULT_RECORD_NAME + (anonymousRecords++ == 0 ? ""
            : String.valueOf(anonymousRecords));
        org.apache.avro.Schema existing = named.get(full);
        if (existing != null) {
          return existing;
        }
        org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(full,
            connect.doc(), null, false);
        named.put(full, record);
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        for (Field f : connect.fields()) {
          fields.add(new org.apache.avro.Schema.Field(f.name(), convert(f.schema()), null,
              f.schema().isOptional() ? JsonProperties.NULL_VALUE : null));
        }
        record.setFields(fields);
        return record;
      }
      case STRING: {
        String enumName = params.get(AvroToConnect.ENUM_PARAM);
        if (enumName == null) {
          return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
        }
        return named.computeIfAbsent(enumName, n -> org.apache.avro.Schema.createEnum(n, null,
            null, Arrays.asList(params.getOrDefault(AvroToConnect.ENUM_SYMBOLS_PARAM, "")
                .split(","))));
      }
      case INT8:
      case INT16:
      case INT32: {
        org.apache.avro.Schema s = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
        if (Date.LOGICAL_NAME.equals(name)) {
          return LogicalTypes.date().addToSchema(s);
        }
        return Time.LOGICAL_NAME.equals(name) ? LogicalTypes.timeMillis().addToSchema(s) : s;
      }
      case INT64: {
        org.apache.avro.Schema s = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
        return Timestamp.LOGICAL_NAME.equals(name) ? LogicalTypes.timestampMillis().addToSchema(s)
            : s;
      }
      case FLOAT32:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.FLOAT);
      case FLOAT64:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
      case BOOLEAN:
        return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
      case BYTES: {
        org.apache.avro.Schema s = org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES);
        if (Decimal.LOGICAL_NAME.equals(name)) {
          int scale = Integer.parseInt(params.getOrDefault(Decimal.SCALE_FIELD, "0"));
          return LogicalTypes.decimal(64, scale).addToSchema(s);
        }
        return s;
      }
      case ARRAY:
        return org.apache.avro.Schema.createArray(convert(connect.valueSchema()));
      case MAP:
        if (connect.keySchema().type() != Schema.Type.STRING) {
          throw new DataException("Connect map with " + connect.keySchema().type() + " keys has "
              + "no Avro equivalent; Avro maps have string keys");
        }
        return org.apache.avro.Schema.createMap(convert(connect.valueSchema()));
      default:
        throw new DataException("Connect type " + connect.type() + " has no Avro mapping");
    }
  }

  /** Converts a Connect value of {@code connect} to a generic datum of {@code avro}. */
  static Object value(Schema connect, org.apache.avro.Schema avro, Object value) {
    if (value == null) {
      return null;
    }
    switch (avro.getType()) {
      case UNION:
        return value(connect, AvroToConnect.nonNullBranch(avro), value);
      case RECORD: {
        Struct struct = (Struct) value;
        GenericData.Record record = new GenericData.Record(avro);
        for (Field f : connect.fields()) {
          record.put(f.name(), value(f.schema(), avro.getField(f.name()).schema(),
              struct.get(f)));
        }
        return record;
      }
      case ENUM:
        return new GenericData.EnumSymbol(avro, value.toString());
      case ARRAY: {
        List<Object> list = new ArrayList<>();
        for (Object item : (List<?>) value) {
          list.add(value(connect.valueSchema(), avro.getElementType(), item));
        }
        return list;
      }
      case MAP: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          map.put(e.getKey().toString(), value(connect.valueSchema(), avro.getValueType(),
              e.getValue()));
        }
        return map;
      }
      case INT:
        if (value instanceof java.util.Date d) {
          return avro.getLogicalType() instanceof LogicalTypes.Date
              ? (int) Math.floorDiv(d.getTime(), MS_PER_DAY) : (int) d.getTime();
        }
        return ((Number) value).intValue();
      case LONG:
        return value instanceof java.util.Date d ? d.getTime() : ((Number) value).longValue();
      case BYTES:
        if (value instanceof BigDecimal d) {
          return ByteBuffer.wrap(d.unscaledValue().toByteArray());
        }
        return value instanceof byte[] b ? ByteBuffer.wrap(b) : value;
      case STRING:
        return value.toString();
      default:
        return value;
    }
  }
}
