# emostream as a container: the runtime artefact (streams-app's emostream.jar and its lib/, which
# carry no Kafka broker, demo or bench; those are in tools/target/emostream-tools.jar). Build the
# jar first (./mvnw -B package -DskipTests), then
#   docker build -t emostream .
FROM eclipse-temurin:17-jre
WORKDIR /opt/emostream
COPY streams-app/target/lib/ lib/
COPY streams-app/target/emostream.jar emostream.jar
# no downloads at run time; libtorch is extracted from the bundled native jar into this cache
ENV OPT_OUT_TRACKING=true \
    OMP_WAIT_POLICY=PASSIVE \
    DJL_CACHE_DIR=/opt/emostream/djl-cache \
    EMOSTREAM_SERVING_HOST=0.0.0.0 \
    EMOSTREAM_SERVING_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/emostream/emostream.jar"]
CMD ["run"]
