package org.signalaudit.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;

import org.junit.jupiter.api.Test;

/** The pages read records as they read beans, and cannot write them. */
class RecordPropertiesTest {

    record Sample(String name, int count) {
    }

    private final RecordProperties resolver = new RecordProperties();

    @Test
    void aComponentOfARecordIsReadThroughItsAccessor() {
        ELContext context = new Context();

        assertThat(resolver.getValue(context, new Sample("alice", 3), "count")).isEqualTo(3);
        assertThat(context.isPropertyResolved()).isTrue();
    }

    @Test
    void anythingElseIsLeftToTheOtherResolvers() {
        ELContext context = new Context();

        assertThat(resolver.getValue(context, new Sample("alice", 3), "email")).isNull();
        assertThat(resolver.getValue(context, "not a record", "length")).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
    }

    @Test
    void recordsAreReadOnly() {
        ELContext context = new Context();

        assertThat(resolver.isReadOnly(context, new Sample("alice", 3), "name")).isTrue();
        assertThatThrownBy(() -> resolver.setValue(context, new Sample("alice", 3), "name", "bob"))
                .isInstanceOf(PropertyNotWritableException.class);
    }

    private static final class Context extends ELContext {

        @Override
        public ELResolver getELResolver() {
            return null;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }
}
