package dev.tessera.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Front-Channel Logout 1.0 §3: iss and sid as query parameters of the registered URI. */
class FrontchannelLogoutsTest {

    @Test
    void issAndSidAreAddedAfterTheQueryTheUriAlreadyHas() {
        assertThat(FrontchannelLogouts.withSession("https://rp.example.com/fc", "https://sso.example.com", "s-1"))
                .isEqualTo("https://rp.example.com/fc?iss=https%3A%2F%2Fsso.example.com&sid=s-1");
        assertThat(FrontchannelLogouts.withSession("https://rp.example.com/fc?tenant=a", "https://sso.example.com", "s 2"))
                .isEqualTo("https://rp.example.com/fc?tenant=a&iss=https%3A%2F%2Fsso.example.com&sid=s+2");
    }
}
