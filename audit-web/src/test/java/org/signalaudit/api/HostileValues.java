package org.signalaudit.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The hostile values of the corpus, by kind. Plain data; {@link HostileCorpus} puts them in place. */
final class HostileValues {

    private HostileValues() {
    }

    static final List<String> SQL = List.of(
            "' OR '1'='1", "' OR 1=1--", "\" OR \"\"=\"", "'; DROP TABLE user_account;--",
            "superadmin'--", "1; SELECT pg_sleep(5)--", "' UNION SELECT username, password_hash FROM user_account--",
            "%", "_", "\\", "admin')) OR (('a'='a", "1' AND SLEEP(5)#");

    static final List<String> SCRIPT = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
            "#{7*7}", "${7*7}", "{{7*7}}", "<!--", "]]><x>");

    /** Text that must be stored faithfully or refused, never mangled or failing with a 500. */
    static final List<String> UNICODE = List.of(
            "a\u0000b", "\u0000", "a\ud800b", "\udc00", "\udc00\ud800", "\u202eevil\u202c", "a\u200bb", "\ufeffbom",
            "\ud83d\ude00", "\ud800\udf48", "e\u0301\u0301\u0301", "\uffff", "\u0430dmin", "\u1680\u3000");

    /** Path parameter values that try to leave their segment, raw as they go on the wire. */
    static final List<String> TRAVERSAL = List.of(
            "..", "../..", "..%2f..%2fadmin", "%2e%2e", "%2e%2e%2f%2e%2e%2fadmin", "%2e%2e/%2e%2e/admin",
            "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%5c..%5cadmin", "%252e%252e%252f", "....//....//admin",
            "..;/..;/admin", "a%2fb", "a%2Fb%2F..%2F..", "nobody;jsessionid=x", "%2e", ".",
            "%c0%ae%c0%ae%2fadmin", "..%00", "%00", "%zz", "%", "a%20b", "~root", "*");

    /** Bytes that are not UTF-8 (overlong '/', a UTF-16 surrogate in CESU-8, stray bytes). */
    static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});

    static final List<String> ENUM_JUNK = List.of(
            "", " ", "lock", "Lock", " LOCK", "LOCK ", "NOPE", "0", "-1", "\u041bOCK", "LOCK\u0000", "LOCK,UNLOCK",
            "ACTIVE' OR '1'='1", "null");

    static final List<String> LIMITS = List.of(
            "0", "-1", "201", "99999999999999999999", "2147483648", "-2147483649", "1e3", "0x10", "1.5", "NaN",
            " ", "abc", "5;DROP", "\u0661\u0662");

    static final List<String> CURSORS = List.of(
            "abc", "-1", "9223372036854775808", "-9223372036854775809", "1.5", "1e5", "' OR 1=1--", "%00x");

    static final List<String> INSTANTS = List.of(
            "yesterday", "2026-02-30T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "2026-11-21T10:15:30", "0", "2026-11-21T10:15:30+25:00");

    static final List<String> STATUSES = List.of("0", "99", "600", "-1", "abc", "99999999999", "4O4");

    static final List<String> IF_MATCH = List.of(
            "\"abc", "W/", "\"99999999999999999999\"", "\"-1\"", "\"1\", \"2\"", "W/\"999999\"", "\"999999\"",
            "garbage", "\"\"", "*, \"1\"");

    static final List<String> REQUEST_IDS = List.of(
            "' OR 1=1--", "<script>alert(1)</script>", "../../etc/passwd", "a b c d e f g h", "x".repeat(65), "short",
            "%00%00%00%00%00%00%00%00", "${jndi:ldap://127.0.0.1/a}", "id\twith\ttabs");

    static final List<String> FORWARDED_FOR = List.of(
            "' OR 1=1--", "<script>alert(1)</script>", "999.999.999.999", "1.1.1.1, ../../", "unknown", "_hidden",
            "::ffff:127.0.0.1", "[::1]:80", "1.1.1.1, ".repeat(300) + "2.2.2.2", "${jndi:ldap://127.0.0.1/a}");

    /** Percent-encodes UTF-8 text for a query string or a path segment (space as %20). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
