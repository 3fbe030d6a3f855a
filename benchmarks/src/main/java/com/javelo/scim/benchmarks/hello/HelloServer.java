package com.javelo.scim.benchmarks.hello;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** W6's reference: a bare Jersey + Grizzly hello-world, started the way the service is. */
public final class HelloServer {

    @Path("hello")
    public static final class Hello {
        @GET
        public String hello() {
            return "hello";
        }
    }

    private HelloServer() {}

    public static void main(String[] args) throws InterruptedException {
        GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://0.0.0.0:" + args[0] + "/"), new ResourceConfig(Hello.class));
        Thread.currentThread().join();
    }
}
