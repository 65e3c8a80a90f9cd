package org.signalaudit.api;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter.In;

/**
 * The query parameters a resource method binds through {@code @BeanParam} classes (the lists'
 * filters and paging, the export's and the proofs' parameters), as OpenAPI parameters: Payara's
 * scanner does not look into those classes. Read from the fields' {@code @QueryParam}, their type,
 * their Bean Validation constraints and their {@code @Schema} description, so the document says
 * what the code checks.
 */
final class BeanParameters {

    private BeanParameters() {
    }

    /** The parameters of every {@code @BeanParam} argument of {@code method}, superclass fields first. */
    static List<org.eclipse.microprofile.openapi.models.parameters.Parameter> of(Method method) {
        var parameters = new ArrayList<org.eclipse.microprofile.openapi.models.parameters.Parameter>();
        for (Parameter argument : method.getParameters()) {
            if (argument.isAnnotationPresent(BeanParam.class)) {
                for (Field field : fields(argument.getType())) {
                    QueryParam name = field.getAnnotation(QueryParam.class);
                    if (name != null) {
                        parameters.add(parameter(name.value(), field));
                    }
                }
            }
        }
        return parameters;
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            fields.addAll(fields(type.getSuperclass()));
        }
        fields.addAll(Arrays.asList(type.getDeclaredFields()));
        return fields;
    }

    private static org.eclipse.microprofile.openapi.models.parameters.Parameter parameter(String name, Field field) {
        // @Schema, not @Parameter: Payara's scanner fails on a @Parameter outside a resource class.
        var documented = field.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return OASFactory.createParameter().name(name).in(In.QUERY)
                .description(documented == null ? null : documented.description())
                .required(field.isAnnotationPresent(NotNull.class) ? Boolean.TRUE : null)
                .schema(schema(field));
    }

    private static Schema schema(Field field) {
        Class<?> type = field.getType();
        Schema schema = OASFactory.createSchema();
        if (type == Instant.class) {
            schema.type(SchemaType.STRING).format("date-time");
        } else if (type == Long.class || type == long.class) {
            schema.type(SchemaType.INTEGER).format("int64");
        } else if (type == Integer.class || type == int.class) {
            schema.type(SchemaType.INTEGER).format("int32");
        } else if (type.isEnum()) {
            schema.type(SchemaType.STRING).enumeration(Arrays.stream(type.getEnumConstants())
                    .map(value -> (Object) ((Enum<?>) value).name()).toList());
        } else {
            schema.type(SchemaType.STRING);
        }
        Min min = field.getAnnotation(Min.class);
        Max max = field.getAnnotation(Max.class);
        Pattern pattern = field.getAnnotation(Pattern.class);
        DefaultValue fallback = field.getAnnotation(DefaultValue.class);
        if (min != null) {
            schema.minimum(BigDecimal.valueOf(min.value()));
        }
        if (max != null) {
            schema.maximum(BigDecimal.valueOf(max.value()));
        }
        if (pattern != null && pattern.regexp().matches("[A-Za-z_]+(\\|[A-Za-z_]+)+")) {
            schema.enumeration(List.of((Object[]) pattern.regexp().split("\\|")));
        } else if (pattern != null) {
            schema.pattern("^(" + pattern.regexp() + ")$");
        }
        if (fallback != null) {
            schema.defaultValue(fallback.value());
        }
        return schema;
    }
}
