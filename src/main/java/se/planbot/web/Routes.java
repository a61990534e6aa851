package se.planbot.web;

import io.javalin.config.RoutesConfig;

/** A face's routes. Javalin 7 takes every route at creation, so each face hands its own over. */
@FunctionalInterface
public interface Routes {
    void addTo(RoutesConfig routes);
}
