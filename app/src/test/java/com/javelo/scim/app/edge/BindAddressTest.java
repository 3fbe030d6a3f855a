package com.javelo.scim.app.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.javelo.scim.app.e2e.TestServer;
import com.javelo.scim.app.server.ScimServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * SCIM_HTTP_HOST chooses the address the service listens on (every interface by default), and a
 * start without SCIM_PUBLIC_BASE_URL says, as a warning, that locations follow the Host header.
 * 127.0.0.2 is another loopback address: reachable when the service listens everywhere, not when
 * it listens on 127.0.0.1 alone.
 */
class BindAddressTest {

    @Test
    void theServiceListensOnTheConfiguredAddressOnly() {
        try (TestServer local = TestServer.start(TestServer.Database.H2, Map.of("SCIM_HTTP_HOST", "127.0.0.1"))) {
            assertThat(reachable("127.0.0.1", local.port())).isTrue();
            assertThat(reachable("127.0.0.2", local.port())).isFalse();
        }
        try (TestServer everywhere = TestServer.start(TestServer.Database.H2)) {
            assertThat(reachable("127.0.0.1", everywhere.port())).isTrue();
            assertThat(reachable("127.0.0.2", everywhere.port())).isTrue();
        }
    }

    @Test
    void aStartWithoutAPublicBaseUrlWarnsThatLocationsFollowTheHostHeader() {
        Logger logger = (Logger) LoggerFactory.getLogger(ScimServer.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try {
            try (TestServer ignored = TestServer.start(TestServer.Database.H2)) {
                assertThat(warnings(events.list)).anyMatch(line -> line.contains("SCIM_PUBLIC_BASE_URL is not set"));
            }
            events.list.clear();
            try (TestServer ignored = TestServer.start(
                    TestServer.Database.H2, Map.of("SCIM_PUBLIC_BASE_URL", "https://scim.javelo.example"))) {
                assertThat(warnings(events.list)).noneMatch(line -> line.contains("SCIM_PUBLIC_BASE_URL"));
            }
        } finally {
            logger.detachAppender(events);
        }
    }

    private static List<String> warnings(List<ILoggingEvent> events) {
        return events.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static boolean reachable(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
