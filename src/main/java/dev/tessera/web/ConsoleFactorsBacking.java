package dev.tessera.web;

import dev.tessera.mfa.EnrolledFactor;
import dev.tessera.mfa.Enrolments;
import dev.tessera.mfa.RecoveryCodes;
import dev.tessera.mfa.SecondFactors;
import dev.tessera.oauth.OAuthError;
import dev.tessera.oauth.OAuthException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A person's second factors in the console, as {@code /admin/api/users/{sub}/factors}: see them, remove one, reset
 * them all (a lost phone: the person enrols again), and require a second factor of them. The same services
 * ({@link SecondFactors}, {@link Enrolments}), audited {@code mfa.removed} and {@code admin.user.mfa_required} with the
 * operator as actor.
 */
@Named("consoleFactors")
@RequestScoped
public class ConsoleFactorsBacking {
    /** One factor; {@code remaining} for recovery codes only. */
    public record Row(String id, String type, String created, String lastUsed, String remaining) {
    }

    @Inject
    ConsoleBacking console;

    @Inject
    ConsoleUserBacking user;

    @Inject
    SecondFactors factors;

    @Inject
    Enrolments enrolments;

    public List<Row> getRows() {
        Locales locales = console.locales();
        return user.getAccount() == null ? List.of() : factors.enrolled(user.getSub()).stream().map((EnrolledFactor f) -> new Row(f.id(),
                f.type(), locales.dateTime(f.createdAt()), f.lastUsedAt() == null ? "" : locales.dateTime(f.lastUsedAt()),
                RecoveryCodes.TYPE.equals(f.type()) ? String.valueOf(f.remaining()) : "")).toList();
    }

    public boolean isRequired() {
        return user.getAccount() != null && enrolments.required(user.getSub());
    }

    public String remove(String id) {
        console.change("console.factors.removed", () -> {
            if (factors.remove(existing(), null, id, console.actor(), null) == 0) {
                throw new OAuthException(OAuthError.NOT_FOUND, "No factor " + id);
            }
            return Boolean.TRUE;
        });
        return null;
    }

    public String reset() {
        console.change("console.factors.reset", () -> factors.remove(existing(), null, null, console.actor(), null));
        return null;
    }

    public String require(boolean required) {
        console.change(required ? "console.factors.required" : "console.factors.released", () -> {
            enrolments.require(existing(), required, console.actor());
            return Boolean.TRUE;
        });
        return null;
    }

    private String existing() {
        if (user.getAccount() == null) {
            throw new OAuthException(OAuthError.NOT_FOUND, "No user " + user.getSub());
        }
        return user.getSub();
    }
}
