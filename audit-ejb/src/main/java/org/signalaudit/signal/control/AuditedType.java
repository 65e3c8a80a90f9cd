package org.signalaudit.signal.control;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.VersionLockingPolicy;
import org.eclipse.persistence.indirection.IndirectContainer;
import org.eclipse.persistence.indirection.ValueHolderInterface;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.sessions.Session;
import org.signalaudit.signal.AuditIgnore;
import org.signalaudit.signal.AuditMasked;
import org.signalaudit.signal.Audited;
import org.signalaudit.signal.FieldChange;

/**
 * What the signals may say about one {@link Audited} entity class: its name, how an instance is
 * named (its audit key), which attributes are left out (ignored ones, the id, the version) and
 * which are masked. Reads only what the persistence context already holds: it never loads a
 * lazy collection or reference.
 */
final class AuditedType {

    private final ClassDescriptor descriptor;
    private final String keyAttribute;
    private final Set<String> ignored;
    private final Set<String> masked;

    private AuditedType(ClassDescriptor descriptor, String keyAttribute, Set<String> ignored, Set<String> masked) {
        this.descriptor = descriptor;
        this.keyAttribute = keyAttribute;
        this.ignored = Set.copyOf(ignored);
        this.masked = Set.copyOf(masked);
    }

    /** The audited view of the descriptor's class, or empty when the class is not {@code @Audited}. */
    static Optional<AuditedType> of(ClassDescriptor descriptor) {
        Class<?> type = descriptor.getJavaClass();
        Audited audited = type == null ? null : type.getAnnotation(Audited.class);
        if (audited == null) {
            return Optional.empty();
        }
        Set<String> ignored = new HashSet<>();
        Set<String> masked = new HashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(AuditIgnore.class)) {
                    ignored.add(field.getName());
                }
                if (field.isAnnotationPresent(AuditMasked.class) || Secrets.isSecretName(field.getName())) {
                    masked.add(field.getName());
                }
            }
        }
        String key = audited.key().isBlank() ? null : audited.key();
        return Optional.of(new AuditedType(descriptor, key, ignored, masked));
    }

    String name() {
        return descriptor.getAlias() != null ? descriptor.getAlias() : descriptor.getJavaClass().getSimpleName();
    }

    String keyOf(Object entity, Session session) {
        return keyOfAny(entity, session);
    }

    boolean isMasked(String attribute) {
        return masked.contains(attribute);
    }

    /** Ignored attributes, the id and the version: what no signal ever mentions. */
    boolean isLeftOut(String attribute) {
        if (ignored.contains(attribute)) {
            return true;
        }
        DatabaseMapping mapping = descriptor.getMappingForAttributeName(attribute);
        return mapping == null || mapping.isPrimaryKeyMapping() || mapping == versionMapping();
    }

    /** A plain value of {@code attribute} as the signals show it: masked or made plain. */
    Object shown(String attribute, Object value) {
        return isMasked(attribute) ? Values.masked(value) : Values.plain(value);
    }

    /**
     * The values an instance holds now, as the changes of a CREATE ({@code null → value}) or of a
     * DELETE ({@code value → null}). Null attributes and empty or unloaded collections are left
     * out: there is no change to tell about them.
     */
    Map<String, FieldChange> snapshot(Object entity, Session session, boolean created) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (DatabaseMapping mapping : descriptor.getMappings()) {
            String attribute = mapping.getAttributeName();
            if (isLeftOut(attribute)) {
                continue;
            }
            Object value = mapping.getAttributeValueFromObject(entity);
            if (mapping.isCollectionMapping()) {
                List<String> members = loadedMembers(value, session);
                if (!members.isEmpty()) {
                    changes.put(attribute, created ? new FieldChange.Members(members, List.of())
                            : new FieldChange.Members(List.of(), members));
                }
            } else {
                Object shown = mapping.isForeignReferenceMapping() ? loadedReference(value, session) : shown(attribute, value);
                if (shown != null) {
                    changes.put(attribute, created ? new FieldChange.Value(null, shown) : new FieldChange.Value(shown, null));
                }
            }
        }
        return changes;
    }

    /** The audit key of any entity: its {@code @Audited(key)} attribute, else its primary key. */
    static String keyOfAny(Object entity, Session session) {
        if (entity == null) {
            return null;
        }
        ClassDescriptor descriptor = session.getDescriptor(entity);
        Audited audited = entity.getClass().getAnnotation(Audited.class);
        if (audited != null && !audited.key().isBlank()) {
            Object key = descriptor.getMappingForAttributeName(audited.key()).getAttributeValueFromObject(entity);
            return key == null ? null : key.toString();
        }
        Object id = descriptor.getObjectBuilder().extractPrimaryKeyFromObject(entity, (AbstractSession) session);
        return id == null ? null : id.toString();
    }

    private DatabaseMapping versionMapping() {
        return descriptor.getOptimisticLockingPolicy() instanceof VersionLockingPolicy version
                ? version.getVersionMapping() : null;
    }

    private static List<String> loadedMembers(Object collection, Session session) {
        if (collection == null || (collection instanceof IndirectContainer<?> lazy && !lazy.isInstantiated())) {
            return List.of();
        }
        List<String> members = new ArrayList<>();
        for (Object member : (Collection<?>) collection) {
            members.add(keyOfAny(member, session));
        }
        members.sort(null);
        return members;
    }

    private static String loadedReference(Object value, Session session) {
        if (value instanceof ValueHolderInterface<?> holder) {
            return holder.isInstantiated() ? keyOfAny(holder.getValue(), session) : null;
        }
        return keyOfAny(value, session);
    }
}
