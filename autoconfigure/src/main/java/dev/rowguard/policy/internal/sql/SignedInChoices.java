package dev.rowguard.policy.internal.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.rowguard.policy.internal.bind.Bound;
import dev.rowguard.policy.internal.model.ValueKind;

import org.jspecify.annotations.Nullable;

/**
 * The decisions of one signed-in caller among all of them, for {@link FilterShapes} to
 * walk: answered from a fixed prefix of choices, then "no" for every new one, recording
 * the choices made. A fact asked again (the same auth() value in another place, the same
 * auth()-only condition) gets the answer it got before, as it would for a real principal.
 * Facts a signed-in principal decides are not choices: {@code auth().id} is never null,
 * and a value present as a parameter is not null (nor the other way round). So only
 * combinations a principal can produce are walked; the anonymous caller is folded on its
 * own.
 */
final class SignedInChoices implements Decisions {

    private static final Object SYMBOLIC = new Object();

    private final List<Boolean> prefix;

    private final List<Boolean> made = new ArrayList<>();

    private final Map<Object, Boolean> answered = new HashMap<>();

    SignedInChoices(List<Boolean> prefix) {
        this.prefix = prefix;
    }

    /**
     * The choices made so far, in order: a walk continues from each prefix of them with
     * "yes" instead.
     */
    List<Boolean> made() {
        return made;
    }

    @Override
    public boolean truth(Bound condition) {
        Object fact = List.of("truth", condition);
        if (condition instanceof Bound.IsNull isNull && isNull.operand() instanceof Bound.AuthValue value) {
            if (!value.member().attribute() && value.member().name().equals("id")) {
                return decided(fact, false);
            }
            if (Boolean.TRUE.equals(answered.get(presence(value)))) {
                return decided(fact, false);
            }
        }
        return next(fact);
    }

    @Override
    public @Nullable Object parameter(Bound external, Conversion conversion) {
        return present(external) && convertible(external, conversion) ? SYMBOLIC : null;
    }

    @Override
    public @Nullable Object parameterList(Bound externalList, Conversion conversion) {
        return present(externalList) && convertible(externalList, conversion) ? List.of(SYMBOLIC) : null;
    }

    /**
     * Whether a present value converts to the type it is compared with: always for text;
     * otherwise a choice, as a real principal's value may not ({@code auth().id} of
     * {@code "user_2abc"} against a numeric key folds the comparison to false, a shape of
     * its own).
     */
    private boolean convertible(Bound external, Conversion conversion) {
        return conversion.kind() == ValueKind.STRING || next(List.of("convertible", external, conversion));
    }

    private boolean present(Bound external) {
        Object fact = presence(external);
        if (Boolean.TRUE.equals(answered.get(List.of("truth", new Bound.IsNull(external))))) {
            return decided(fact, false);
        }
        return next(fact);
    }

    private static Object presence(Bound external) {
        return List.of("present", external);
    }

    private boolean decided(Object fact, boolean answer) {
        answered.putIfAbsent(fact, answer);
        return answered.get(fact);
    }

    private boolean next(Object fact) {
        Boolean known = answered.get(fact);
        if (known != null) {
            return known;
        }
        boolean choice = made.size() < prefix.size() && prefix.get(made.size());
        made.add(choice);
        answered.put(fact, choice);
        return choice;
    }

}
