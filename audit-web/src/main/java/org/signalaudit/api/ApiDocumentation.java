package org.signalaudit.api;

import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.signalaudit.account.AcceptInvitation;
import org.signalaudit.account.InviteUser;
import org.signalaudit.account.InvitedUser;
import org.signalaudit.account.OverrideState;
import org.signalaudit.account.RequestTransition;
import org.signalaudit.account.Role;
import org.signalaudit.account.StateEvent;
import org.signalaudit.account.UserState;
import org.signalaudit.account.UserView;
import org.signalaudit.api.problem.Problem;
import org.signalaudit.audit.CheckpointView;
import org.signalaudit.audit.ConsistencyProof;
import org.signalaudit.audit.EntityAsOf;
import org.signalaudit.audit.EntityChangeView;
import org.signalaudit.audit.HoldView;
import org.signalaudit.audit.InclusionProof;
import org.signalaudit.audit.IntegrityBreak;
import org.signalaudit.audit.IntegrityReport;
import org.signalaudit.audit.LoginView;
import org.signalaudit.audit.PlaceHold;
import org.signalaudit.audit.ReplayMismatch;
import org.signalaudit.audit.ReplayReport;
import org.signalaudit.audit.RequestDetail;
import org.signalaudit.audit.RequestView;
import org.signalaudit.audit.RetentionRun;
import org.signalaudit.audit.RetentionSchedule;
import org.signalaudit.audit.RetiredMonth;
import org.signalaudit.audit.RunRetention;
import org.signalaudit.audit.ScheduledMonth;
import org.signalaudit.audit.SealKeyView;
import org.signalaudit.audit.SkippedMonth;
import org.signalaudit.audit.StateChangeView;
import org.signalaudit.audit.TableIntegrity;
import org.signalaudit.audit.UserAsOf;
import org.signalaudit.group.ChangeGroup;
import org.signalaudit.group.CreateGroup;
import org.signalaudit.group.GroupView;
import org.signalaudit.signal.ChangeKind;
import org.signalaudit.signal.Origin;

/**
 * Completes the OpenAPI document Payara builds from the resources' annotations (configured as
 * {@code mp.openapi.filter} in audit-api's {@code META-INF/microprofile-config.properties}, which an
 * EAR's web module sees too), so that
 * what every operation shares is written once rather than on 30 methods:
 * <ul>
 * <li>the role: each operation names the least role it needs in its {@value #REQUIRED_ROLE}
 * extension (the boundary EJBs' {@code @RolesAllowed} and web.xml enforce it; {@code AccessMatrixIT}
 * proves it); this adds it to the description, and the 401 and 403 it implies;</li>
 * <li>the answers any operation can give: 400 (a header or parameter the server cannot parse),
 * 500 and 503 (the database unreachable, with {@code Retry-After}); 413 and 415 for a body;</li>
 * <li>every error response as {@code application/problem+json} with the {@code Problem} schema:
 * the resources name the errors specific to them (404, 409, 412) with a description only;</li>
 * <li>the schemas Payara cannot derive: the enums (it writes them as objects) and the pages of the
 * keyset-paginated lists (generic records), named {@code <View>Page};</li>
 * <li>the attributes Payara writes with their defaults into every annotated schema: harmless but
 * for {@code maxProperties: 0}, which would allow no property at all.</li>
 * </ul>
 */
public class ApiDocumentation implements OASFilter {

    /** The extension that names the least role an operation needs, or {@value #ANYONE}. */
    public static final String REQUIRED_ROLE = "x-required-role";
    public static final String ANYONE = "anyone";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PAGE = "Page";
    /** The resources, for the query parameters of their {@code @BeanParam} classes ({@link BeanParameters}). */
    private static final List<Class<?>> RESOURCES = List.of(UsersResource.class, InvitationsResource.class,
            GroupsResource.class, AuditResource.class, CheckpointsResource.class, EntitiesResource.class,
            EntityChangesResource.class, ExportResource.class, EvidenceResource.class, ProofsResource.class,
            RetentionResource.class, HoldsResource.class);
    private static final Map<String, Method> METHODS = RESOURCES.stream()
            .flatMap(resource -> Arrays.stream(resource.getDeclaredMethods()))
            .filter(method -> method.isAnnotationPresent(org.eclipse.microprofile.openapi.annotations.Operation.class))
            .collect(Collectors.toMap(method -> method.getAnnotation(
                    org.eclipse.microprofile.openapi.annotations.Operation.class).operationId(), method -> method));

    /** The records the API accepts and answers, whose component types {@link #typed} corrects. */
    private static final List<Class<? extends Record>> RECORDS = List.of(InviteUser.class, RequestTransition.class,
            OverrideState.class, AcceptInvitation.class, CreateGroup.class, ChangeGroup.class, UserView.class,
            InvitedUser.class, UserAsOf.class, GroupView.class, StateChangeView.class, RequestView.class,
            RequestDetail.class, LoginView.class, EntityChangeView.class, EntityAsOf.class, IntegrityReport.class,
            TableIntegrity.class, IntegrityBreak.class, ReplayReport.class, ReplayMismatch.class, CheckpointView.class,
            SealKeyView.class, InclusionProof.class, ConsistencyProof.class, RunRetention.class, RetentionRun.class,
            RetiredMonth.class, SkippedMonth.class, RetentionSchedule.class, ScheduledMonth.class, PlaceHold.class,
            HoldView.class, Problem.class);
    /** The answer of {@code GET /users/{username}}: a user now, or as of a moment. */
    static final String USER_NOW_OR_AS_OF = "UserNowOrAsOf";
    private static final List<Class<? extends Record>> PAGED = List.of(UserView.class, GroupView.class,
            StateChangeView.class, RequestView.class, LoginView.class, EntityChangeView.class);
    /** The enums the records' components name with {@code @Schema(ref = ...)}: their values come from the code. */
    private static final List<EnumSchema> ENUMS = List.of(
            new EnumSchema("Role", Role.class, "A user's role; each includes the ones before it: USER < ADMIN < SUPERADMIN."),
            new EnumSchema("UserState", UserState.class, "A state of the user state machine."),
            new EnumSchema("StateEvent", StateEvent.class, "An event of the user state machine: INVITE creates the "
                    + "account, OVERRIDE is the superadmin's bypass of the transition table."),
            new EnumSchema("Origin", Origin.class, "Where a change came from."),
            new EnumSchema("ChangeKind", ChangeKind.class, "What happened to an audited entity."),
            new EnumSchema("IntegrityBreakKind", IntegrityBreak.Kind.class, "What the verify found at a break."),
            new EnumSchema("ReplayProblem", ReplayMismatch.Problem.class, "Why a user's history does not replay."));

    private record EnumSchema(String name, Class<? extends Enum<?>> type, String description) {
    }

    @Override
    public Operation filterOperation(Operation operation) {
        String role = operation.getExtensions() == null ? null : (String) operation.getExtensions().get(REQUIRED_ROLE);
        Method method = METHODS.get(operation.getOperationId());
        if (method != null) {
            Set<String> named = operation.getParameters() == null ? Set.of()
                    : operation.getParameters().stream().map(Parameter::getName).collect(Collectors.toSet());
            BeanParameters.of(method).stream().filter(parameter -> !named.contains(parameter.getName()))
                    .forEach(operation::addParameter);
        }
        APIResponses responses = operation.getResponses();
        if (role == null) {
            return operation; // OpenApiIT names the operation that forgot it
        }
        if (ANYONE.equals(role)) {
            // An empty requirement: no credentials needed (Payara leaves an empty list out, and the
            // document's default, HTTP Basic, would apply).
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
            operation.setDescription(operation.getDescription() + "\n\nNeeds no credentials.");
        } else {
            operation.setDescription(operation.getDescription() + "\n\nNeeds HTTP Basic credentials of an ACTIVE "
                    + "user with the role " + role + (Role.SUPERADMIN_NAME.equals(role) ? "" : " or above") + ".");
            common(responses, "401", "No credentials, wrong ones, or an account that is not ACTIVE");
            if (!Role.USER_NAME.equals(role)) {
                common(responses, "403", "The caller's role is below " + role);
            }
        }
        common(responses, "400", "The request is malformed: a header, a parameter or the body cannot be used");
        if (operation.getRequestBody() != null) {
            common(responses, "413", "The request body is larger than the limit (AUDIT_API_MAX_BODY_BYTES, 64 KiB)");
            common(responses, "415", "The request body is not JSON in UTF-8");
        }
        common(responses, "500", "The server could not complete the request; quote the request id to the operators");
        common(responses, "503", "The database is unreachable; retry after the seconds of Retry-After")
                .addHeader("Retry-After", OASFactory.createHeader().description("seconds to wait before retrying")
                        .schema(OASFactory.createSchema().type(SchemaType.INTEGER)));
        responses.getAPIResponses().forEach((code, response) -> {
            if (response.getExtensions() != null) {
                response.removeExtension(REQUIRED_ROLE); // Payara copies the operation's extensions onto its responses
            }
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(ref(Problem.class.getSimpleName()))));
            }
        });
        return operation;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        clearIfFalse(schema::getExclusiveMaximum, schema::setExclusiveMaximum);
        clearIfFalse(schema::getExclusiveMinimum, schema::setExclusiveMinimum);
        clearIfFalse(schema::getUniqueItems, schema::setUniqueItems);
        clearIfFalse(schema::getNullable, schema::setNullable);
        clearIfFalse(schema::getReadOnly, schema::setReadOnly);
        clearIfFalse(schema::getWriteOnly, schema::setWriteOnly);
        clearIfFalse(schema::getDeprecated, schema::setDeprecated);
        if (schema.getExample() instanceof String text) {
            schema.setExample(example(schema.getType(), text));
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI document) {
        withoutPayaraEndpoints(document);
        var components = document.getComponents();
        // The @BeanParam classes of the query parameters, which Payara takes for bodies.
        List.copyOf(components.getSchemas().keySet()).stream()
                .filter(name -> name.endsWith("Params") || name.endsWith("Query")).forEach(components::removeSchema);
        for (Class<? extends Record> type : RECORDS) {
            Schema schema = components.getSchemas().get(type.getSimpleName());
            if (schema == null || schema.getProperties() == null) {
                schema = fromRecord(type); // a record no method returns: Payara writes it as a bare object
                components.addSchema(type.getSimpleName(), schema);
            } else {
                for (RecordComponent component : type.getRecordComponents()) {
                    Schema property = schema.getProperties().get(component.getName());
                    if (property != null) {
                        schema.addProperty(component.getName(), typed(property, component.getGenericType()));
                    }
                }
            }
        }
        components.addSchema(USER_NOW_OR_AS_OF, OASFactory.createSchema()
                .description("The user now (UserView) or, with asOf, as they were then (UserAsOf)")
                .oneOf(List.of(ref(UserView.class.getSimpleName()), ref(UserAsOf.class.getSimpleName()))));
        for (EnumSchema schema : ENUMS) {
            components.addSchema(schema.name(), OASFactory.createSchema().type(SchemaType.STRING)
                    .description(schema.description())
                    .enumeration(Arrays.stream(schema.type().getEnumConstants()).map(value -> (Object) value.name()).toList()));
        }
        for (Class<? extends Record> item : PAGED) {
            components.addSchema(item.getSimpleName() + PAGE, OASFactory.createSchema().type(SchemaType.OBJECT)
                    .description("One page of " + item.getSimpleName() + ", newest or first by key; pass next as "
                            + "after for the following page")
                    .addProperty("items", OASFactory.createSchema().type(SchemaType.ARRAY).items(ref(item.getSimpleName())))
                    .addProperty("next", OASFactory.createSchema().type(SchemaType.STRING).nullable(true)
                            .description("the cursor of the next page; null on the last page"))
                    .required(List.of("items")));
        }
    }

    /** The schema of a record from its own {@code @Schema} annotations, as Payara writes it for the records it lists. */
    private static Schema fromRecord(Class<? extends Record> type) {
        var documented = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT)
                .description(documented == null ? null : documented.description());
        for (RecordComponent component : type.getRecordComponents()) {
            // @Schema does not target record components: the compiler leaves it on the accessor (and field)
            var annotation = component.getAccessor()
                    .getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            Schema property = OASFactory.createSchema().type(scalar(component.getType()));
            if (annotation != null) {
                property.description(annotation.description().isEmpty() ? null : annotation.description())
                        .example(annotation.example().isEmpty() ? null : example(property.getType(), annotation.example()))
                        .nullable(annotation.nullable() ? Boolean.TRUE : null);
            }
            schema.addProperty(component.getName(), typed(property, component.getGenericType()));
        }
        return schema;
    }

    private static SchemaType scalar(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return SchemaType.BOOLEAN;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return SchemaType.INTEGER;
        }
        return type == String.class ? SchemaType.STRING : SchemaType.OBJECT;
    }

    /**
     * {@code property} with the type of the record component it documents: Payara writes an
     * {@code Instant} or a nested record as an object, a {@code long} as a number, the items of a
     * list as lists, and an enum as an object.
     */
    private static Schema typed(Schema property, Type type) {
        if (type instanceof Class<?> plain && plain.isEnum()) {
            return ref(ENUMS.stream().filter(known -> known.type() == plain).findFirst().map(EnumSchema::name)
                    .orElse(plain.getSimpleName()));
        }
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return ref(plain.getSimpleName());
        }
        if (type == Instant.class) {
            return property.type(SchemaType.STRING).format("date-time").properties(null);
        }
        if (type == long.class || type == Long.class) {
            return property.type(SchemaType.INTEGER).format("int64");
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type item = list.getActualTypeArguments()[0];
            return property.type(SchemaType.ARRAY).items(item == String.class
                    ? OASFactory.createSchema().type(SchemaType.STRING) : typed(OASFactory.createSchema(), item));
        }
        return property;
    }

    /** An example as its schema's type: Payara keeps every example as the string of the annotation. */
    private static Object example(SchemaType type, String text) {
        if ((type == SchemaType.INTEGER || type == SchemaType.NUMBER) && text.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return new BigDecimal(text);
        }
        if ((type == SchemaType.OBJECT || type == SchemaType.ARRAY) && (text.startsWith("{") || text.startsWith("["))) {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
                return plain(reader.readValue());
            }
        }
        return text;
    }

    /** JSON-P's values as the maps, lists, strings and numbers the document's writer knows. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                value.asJsonObject().forEach((name, member) -> object.put(name, plain(member)));
                yield object;
            }
            case ARRAY -> value.asJsonArray().stream().map(ApiDocumentation::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    /**
     * Payara adds a top-level {@code endpoints} member, the paths of every application, that
     * OpenAPI 3.0 does not allow (a validating parser refuses the document for it). Its model has
     * a public setter for it, outside the MicroProfile API; a runtime without it has nothing to clear.
     */
    private static void withoutPayaraEndpoints(OpenAPI document) {
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, new LinkedHashMap<>());
        } catch (ReflectiveOperationException e) {
            // not Payara's model: no such member
        }
    }

    /** The response for {@code code}: the operation's own if it names one, else a new one saying {@code description}. */
    private static APIResponse common(APIResponses responses, String code, String description) {
        APIResponse response = responses.getAPIResponse(code);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(code, response);
        }
        return response;
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }

    private static void clearIfFalse(Supplier<Boolean> attribute, Consumer<Boolean> setter) {
        if (Boolean.FALSE.equals(attribute.get())) {
            setter.accept(null);
        }
    }
}
