# syntax=docker/dockerfile:1
# The portal, for docker compose (see docker-compose.yml). Without Docker: ./vivier run

# --- build: the runnable jar ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Everything the build reads (pom.xml, src/, search-mappings/, ...); .dockerignore keeps out
# .vivier/, target/ and .git/.
COPY . .
# The cache mount keeps the Maven repository between builds.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests package \
 && cp target/vivier-0.1.0.jar /build/vivier.jar

# --- run ---
FROM eclipse-temurin:17-jre
RUN useradd --system --no-create-home --shell /usr/sbin/nologin vivier
COPY --from=build /build/vivier.jar /app/vivier.jar
USER vivier
EXPOSE 8080
# An explicit heap, and a process that dies on OutOfMemoryError instead of living on as a zombie:
# the supervisor (compose's restart policy) then starts a fresh one. VIVIER_HEAP overrides the heap.
ENV VIVIER_HEAP=768m
CMD ["sh", "-c", "exec java -Xms${VIVIER_HEAP} -Xmx${VIVIER_HEAP} -XX:+ExitOnOutOfMemoryError -jar /app/vivier.jar"]
