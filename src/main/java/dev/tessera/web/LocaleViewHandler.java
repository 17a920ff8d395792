package dev.tessera.web;

import dev.tessera.config.Issuer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a page starts in: the person's switch ({@link Languages#chosen}), else Faces' match of
 * {@code Accept-Language} against the supported locales. {@code ui_locales} and the account's locale come
 * later, from the pages that know the request and the account ({@link Locales}), and only when the person
 * has not chosen. A switch is remembered in a cookie.
 */
public class LocaleViewHandler extends ViewHandlerWrapper {

    public LocaleViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        Optional<Locale> chosen = Languages.chosen(request);
        if (chosen.isEmpty()) {
            return super.calculateLocale(context);
        }
        if (Languages.supported(request.getParameter(Languages.PARAMETER)).isPresent()) {
            boolean secure = CDI.current().select(Issuer.class).get().isHttps();
            ((HttpServletResponse) context.getExternalContext().getResponse())
                    .addHeader("Set-Cookie", Languages.cookieHeader(chosen.get(), secure));
        }
        return chosen.get();
    }
}
