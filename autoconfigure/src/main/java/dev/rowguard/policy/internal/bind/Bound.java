package dev.rowguard.policy.internal.bind;

import java.util.List;

import dev.rowguard.policy.Operation;
import dev.rowguard.policy.internal.model.Attribute;
import dev.rowguard.policy.internal.syntax.BinaryOperator;
import dev.rowguard.policy.internal.syntax.Quantifier;

import org.jspecify.annotations.Nullable;

/**
 * A type-checked policy expression with every name resolved. Rows are addressed by
 * variables: 0 is the entity the policy is declared on, each collection predicate binds a
 * new one, and to-one hops lead from a variable's row to related rows. This one tree
 * feeds both the in-memory evaluator and the SQL compiler.
 */
public sealed interface Bound {

    Type type();

    /** A literal: String, BigDecimal, Boolean or null. */
    record Const(@Nullable Object value, Type type) implements Bound {
        public static final Const TRUE = new Const(Boolean.TRUE, Type.BOOLEAN);

        public static final Const FALSE = new Const(Boolean.FALSE, Type.BOOLEAN);

        public static Const of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** A literal list: its items are literal values. */
    record ConstList(List<Object> values) implements Bound {
        public Type type() {
            return Type.LIST;
        }
    }

    /**
     * {@code auth()} itself; only ever compared with null (or, rewritten, with the auth
     * entity).
     */
    record AuthSelf() implements Bound {
        public Type type() {
            return Type.AUTH;
        }
    }

    /** {@code auth().member} */
    record AuthValue(AuthMember member) implements Bound {
        public Type type() {
            return member.type();
        }
    }

    /**
     * A column reached from a row variable through to-one hops (none for the row's own
     * columns).
     */
    record Field(int variable, List<Attribute.ToOne> hops, Attribute.Scalar attribute) implements Bound {
        public Type type() {
            return BindTypes.of(attribute);
        }
    }

    /**
     * The value a column had before an update ({@code before().x}); a to-one gives the
     * old foreign key.
     */
    record BeforeValue(Attribute attribute, Type type) implements Bound {
    }

    /** {@code now()} */
    record Now() implements Bound {
        public Type type() {
            return Type.TEMPORAL;
        }
    }

    record Not(Bound operand) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    record And(List<Bound> operands) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    record Or(List<Bound> operands) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /** A comparison of two non-null-literal operands: false whenever either is null. */
    record Compare(BinaryOperator operator, Bound left, Bound right) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /** {@code x == null} */
    record IsNull(Bound operand) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /** {@code value in list}: false when the value is null. */
    record In(Bound value, Bound list) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /**
     * {@code has}, {@code hasSome}, {@code hasEvery}, {@code isEmpty} over scalar lists.
     */
    record ListFunction(ListFunctionKind function, Bound list, @Nullable Bound argument) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    enum ListFunctionKind {

        HAS, HAS_SOME, HAS_EVERY, IS_EMPTY

    }

    /**
     * {@code contains}, {@code startsWith}, {@code endsWith}: false when either string is
     * null.
     */
    record StringFunction(StringFunctionKind function, Bound text, Bound search, boolean ignoreCase) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    enum StringFunctionKind {

        CONTAINS, STARTS_WITH, ENDS_WITH

    }

    /**
     * A collection predicate over a to-many relation reached from {@code variable}
     * through {@code hops}.
     */
    record Quantified(Quantifier quantifier, int variable, List<Attribute.ToOne> hops, Attribute.ToMany relation,
            int elementVariable, Bound condition) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /**
     * The related entity's own rule for an operation, applied to the row reached through
     * {@code hops}.
     */
    record Check(int variable, List<Attribute.ToOne> hops, String targetEntity, Operation operation) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /**
     * "The row reached from {@code variable} through {@code relation} exists and
     * satisfies {@code condition}", where the related row is {@code relatedVariable}.
     * Produced only by the SQL compiler's rewriting, never by binding.
     */
    record Related(int variable, Attribute.ToOne relation, int relatedVariable, Bound condition) implements Bound {
        public Type type() {
            return Type.BOOLEAN;
        }
    }

    /**
     * An entity-valued path: a row variable's own row, or a row reached through to-one
     * hops. Binding-time only.
     */
    record EntityPath(int variable, List<Attribute.ToOne> hops,
            dev.rowguard.policy.internal.model.EntityModel entity) implements Bound {
        public Type type() {
            return Type.entity(entity.name());
        }
    }

    /**
     * A to-many relation, valid only under a collection predicate or isEmpty().
     * Binding-time only.
     */
    record ToManyPath(int variable, List<Attribute.ToOne> hops, Attribute.ToMany relation) implements Bound {
        public Type type() {
            return Type.toMany(relation.targetEntity());
        }
    }

    /** {@code before()} itself, before a member is taken. Binding-time only. */
    record BeforeSelf() implements Bound {
        public Type type() {
            return Type.BEFORE;
        }
    }

    /**
     * A value from outside the row: a principal member or an old value, bound as a SQL
     * parameter.
     */
    record Param(int index, Type type, Class<?> javaType) implements Bound {
    }

}
