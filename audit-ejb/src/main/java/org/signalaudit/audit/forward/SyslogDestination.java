package org.signalaudit.audit.forward;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.signalaudit.configuration.RejectedSetting;

/**
 * Where the copy of the sealed log goes: a syslog receiver's host and TCP port, with or without TLS.
 * Read from {@code audit.syslog.host} / {@code .port} / {@code .tls} (AUDIT_SYSLOG_HOST, ...); no
 * host means no forwarding. A setting that cannot be used stops the deployment with one line
 * ({@link RejectedSetting}, through {@code configuration.control.ConfigurationCheck}): a port out of
 * range, a TLS flag that is neither true nor false, a port or TLS given without a host (forwarding
 * that was meant but would silently not happen).
 *
 * @param host a host name or address
 * @param port the receiver's TCP port (default 514, or 6514 with TLS, RFC 5425)
 * @param tls whether to speak TLS (the JVM's trust store decides whom to trust)
 */
public record SyslogDestination(String host, int port, boolean tls) {

    static final String HOST = "audit.syslog.host";
    static final String PORT = "audit.syslog.port";
    static final String TLS = "audit.syslog.tls";

    /** The destination the configuration names, empty when forwarding is off; refuses a setting it cannot use. */
    public static Optional<SyslogDestination> configured(Config config) {
        return configured(property -> config.getOptionalValue(property, String.class));
    }

    /** The same from any source of settings: {@code settings} gives a property's value, if set. */
    static Optional<SyslogDestination> configured(Function<String, Optional<String>> settings) {
        Function<String, Optional<String>> value = property -> settings.apply(property).filter(text -> !text.isBlank());
        Optional<String> host = value.apply(HOST);
        Optional<String> port = value.apply(PORT);
        boolean tls = value.apply(TLS).map(SyslogDestination::flag).orElse(false);
        if (host.isEmpty()) {
            if (port.isPresent() || tls) {
                throw new RejectedSetting(HOST, "not set, though " + RejectedSetting.environmentVariable(
                        port.isPresent() ? PORT : TLS) + " is: set the receiver's host to forward the sealed log "
                        + "to syslog, or unset both");
            }
            return Optional.empty();
        }
        String name = host.get().trim();
        if (name.contains("://") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new RejectedSetting(HOST, "'" + name + "' is not a host name or address (no scheme, no spaces)");
        }
        return Optional.of(new SyslogDestination(name, port.map(SyslogDestination::port).orElse(tls ? 6514 : 514), tls));
    }

    /** The cursor's key: a new destination starts from the first leaf, so its copy is whole. */
    public String name() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (tls ? "syslog over TLS at " : "syslog over TCP at ") + name();
    }

    private static int port(String text) {
        int number;
        try {
            number = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new RejectedSetting(PORT, "'" + text + "' is not a port number");
        }
        if (number < 1 || number > 65535) {
            throw new RejectedSetting(PORT, number + " is out of range: 1 to 65535");
        }
        return number;
    }

    private static boolean flag(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new RejectedSetting(TLS, "'" + text + "' is neither true nor false");
        };
    }
}
