package io.tenantconfig.domain.health;

import io.tenantconfig.domain.MetaId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one check learnt from Meta: the token's facts, each number's, and the numbers the
 * tenant's WhatsApp Business Account has ({@code null} when the tenant has no account, or the
 * token was not valid and nothing more was asked).
 */
public record CheckFacts(TokenFacts token, List<NumberFacts> numbers, Set<MetaId> accountNumbers) {

    public CheckFacts {
        Objects.requireNonNull(token, "token");
        numbers = List.copyOf(numbers);
        accountNumbers = accountNumbers == null ? null : Set.copyOf(accountNumbers);
    }
}
