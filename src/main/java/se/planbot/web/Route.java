package se.planbot.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.regex.Pattern;

/** One line of the route table: method, path (Javalin's {@code {id}} syntax), handler and who may call it. */
public record Route(HandlerType method, String path, Handler handler, Access access) {

    public static Route get(String path, Handler handler, Access access) {
        return new Route(HandlerType.GET, path, handler, access);
    }

    public static Route post(String path, Handler handler, Access access) {
        return new Route(HandlerType.POST, path, handler, access);
    }

    public static Route patch(String path, Handler handler, Access access) {
        return new Route(HandlerType.PATCH, path, handler, access);
    }

    public static Route put(String path, Handler handler, Access access) {
        return new Route(HandlerType.PUT, path, handler, access);
    }

    /** True when {@code requestPath} is this route's path with any value in each {@code {parameter}}. */
    public boolean matchesPath(String requestPath) {
        String pattern = Pattern.compile("\\{[^/}]+}").splitAsStream(path + "/")
                .map(Pattern::quote).reduce((left, right) -> left + "[^/]+" + right).orElse("");
        return (requestPath + "/").matches(pattern);
    }

    @Override
    public String toString() {
        return method + " " + path + " " + access;
    }
}
