package org.signalaudit.signal.control;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;

/**
 * Wires the model signals into the persistence unit ({@code eclipselink.session.customizer} in
 * persistence.xml): every {@code @Audited} entity gets the life-cycle listener, the session gets
 * the flush, commit and bulk-statement listener. The entities themselves know nothing of it.
 */
public class EntitySignals implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(EntitySignals.class.getName());

    @Override
    public void customize(Session session) {
        Map<Class<?>, AuditedType> audited = new HashMap<>();
        DispatcherLookup dispatcher = new DispatcherLookup();
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            AuditedType.of(descriptor).ifPresent(type -> {
                descriptor.getEventManager().addListener(new LifecycleSignals(type, dispatcher));
                audited.put(descriptor.getJavaClass(), type);
            });
        }
        session.getEventManager().addListener(new SessionSignals(audited, dispatcher));
        LOG.info(() -> "Model signals for the audited entities " + audited.values().stream().map(AuditedType::name).sorted().toList());
    }
}
