package dev.tessera.user;

import jakarta.persistence.EntityManager;

/** The user package's JPA classes on a given EntityManager, for the database test outside the container. */
public final class JpaUsers {
    private JpaUsers() {
    }

    public static UserRepository repository(EntityManager em) {
        UserRepository repository = new UserRepository();
        repository.em = em;
        return repository;
    }

    public static LoginFailures.Writer failureWriter(EntityManager em) {
        LoginFailures.Writer writer = new LoginFailures.Writer();
        writer.em = em;
        return writer;
    }
}
