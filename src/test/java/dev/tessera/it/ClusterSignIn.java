package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A browser sign-in across two nodes behind an imagined load balancer without sticky sessions: the
 * issuer's URLs in redirects are sent to whichever node the test chooses.
 */
final class ClusterSignIn {
    private final String issuer;
    private final String redirectUri;

    ClusterSignIn(String issuer, String redirectUri) {
        this.issuer = issuer;
        this.redirectUri = redirectUri;
    }

    /** The login page, from {@code browser}'s node. */
    HttpResponse<String> loginPage(Browser browser, Map<String, String> request) {
        HttpResponse<String> page = follow(browser, browser.get("/authorize?" + SignIn.query(request)));
        assertThat(page.body()).as(page.body()).contains("id=\"login\"");
        return page;
    }

    /**
     * Submits the login page to {@code postTo}, shows the consent page from {@code consentFrom} and
     * submits it to {@code postTo}: each form goes to a node that did not render it. Scopes approved
     * before need no consent (unless {@code consentRequired}); then the answer comes from {@code consentFrom}.
     * Returns the redirect to the client.
     */
    HttpResponse<String> finish(HttpResponse<String> loginPage, Browser postTo, Browser consentFrom, boolean consentRequired) {
        HttpResponse<String> consentPage = follow(consentFrom, postTo.submit(loginPage, "login",
                Map.of("username", "ada", "password", SignIn.PASSWORD)));
        HttpResponse<String> answer = consentPage;
        if (!Browser.isRedirect(consentPage) || consentRequired) {
            assertThat(consentPage.body()).as(consentPage.body()).contains("id=\"approve\"");
            answer = follow(postTo, postTo.submit(consentPage, "approve", Map.of()));
        }
        assertThat(answer.headers().firstValue("Location")).as(answer.body())
                .hasValueSatisfying(l -> assertThat(l).startsWith(redirectUri));
        return answer;
    }

    /** Follows redirects within Tessera on the browser's node (the issuer's URLs sent there). */
    HttpResponse<String> follow(Browser browser, HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && Browser.isRedirect(current); hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (!location.startsWith(issuer + "/")) {
                return current;
            }
            current = browser.get(location.substring(issuer.length()));
        }
        return current;
    }
}
