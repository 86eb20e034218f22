package org.oaplatform.platform.boundary;

/**
 * Fired (synchronously) once the schema is migrated, before this instance starts serving: the place for start-up work
 * that needs the database, which a {@code @Startup} bean cannot do while the database may be away.
 */
public record SchemaMigrated(String version) {
}
