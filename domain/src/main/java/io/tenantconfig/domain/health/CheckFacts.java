package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one check learnt from Meta about one WhatsApp Business Account: its token's facts,
 * each of its numbers', and the numbers the account has ({@code null} when the account has no id,
 * or its token was not valid and nothing more was asked).
 */
public record CheckFacts(TokenFacts token, List<NumberFacts> numbers, Set<MetaId> accountNumbers) {

    public CheckFacts {
        Objects.requireNonNull(token, "token");
        numbers = List.copyOf(numbers);
        accountNumbers = accountNumbers == null ? null : Set.copyOf(accountNumbers);
    }
}
