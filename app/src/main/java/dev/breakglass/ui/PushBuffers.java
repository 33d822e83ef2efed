package dev.breakglass.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.atmosphere.cpr.AtmosphereFramework;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every open page keeps one push WebSocket, so what each connection holds is paid once per signed-in tab. With the
 * browser's messages sent as requests ({@code Transport.WEBSOCKET_XHR} on {@link AppShell}) the server only writes
 * to it, and the defaults sized for receiving are cut (measured per session with SessionsAndSavesBrowserBenchmark
 * and its HeapOwners, docs/benchmarks.md section 3):
 *
 * <ul>
 *   <li>Tomcat's receive buffers for a whole text and binary message (16 KB and 8 KB at its defaults) start at
 *       {@value #RECEIVE_BUFFER}: a larger message still arrives whole, the buffer growing to the 16 KiB Atmosphere
 *       allows;
 *   <li>Atmosphere's read buffers of every WebSocket (32 KB and 16 KB as Vaadin configures them), used only when a
 *       container hands messages over as streams, which Tomcat does not, start at {@value #RECEIVE_BUFFER} too and
 *       grow on demand;
 *   <li>no per-message compression: pushed updates are small, and each compressed connection held two 8 KB buffers
 *       on the heap and a zlib deflater and inflater (a few hundred KB) outside it;
 *   <li>Tomcat's three fixed buffers of each connection (reading frames, writing frames, encoding text: 8 KB each)
 *       are {@value #FRAME_BUFFER} bytes: a longer push is sent in several pieces. Tomcat reads this size once, from
 *       a system property ({@value #FRAME_BUFFER_PROPERTY}), so it is set before the web server starts, unless the
 *       operator set it.
 * </ul>
 */
class PushBuffers implements VaadinServiceInitListener {

    static final int RECEIVE_BUFFER = 256;

    static final int FRAME_BUFFER = 2048;

    static final int SOCKET_BUFFER = 4096;

    static final String FRAME_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    /** Atmosphere's setting for the read buffers of each WebSocket, read as each connection opens. */
    private static final String ATMOSPHERE_BUFFER_SIZE = "org.atmosphere.websocket.bufferSize";

    private static final String EXTENSIONS_HEADER = "Sec-WebSocket-Extensions";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (!(event.getSource() instanceof VaadinServletService service)) {
            return;
        }
        ServletContext context = service.getServlet().getServletContext();
        if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
            container.setDefaultMaxTextMessageBufferSize(RECEIVE_BUFFER);
            container.setDefaultMaxBinaryMessageBufferSize(RECEIVE_BUFFER);
        }
        // Vaadin starts Atmosphere with the servlet and sets this before any service listener runs; a connection
        // reads it when it opens.
        for (String name : Collections.list(context.getAttributeNames())) {
            if (context.getAttribute(name) instanceof AtmosphereFramework atmosphere) {
                atmosphere.addInitParameter(ATMOSPHERE_BUFFER_SIZE, String.valueOf(RECEIVE_BUFFER));
            }
        }
    }

    /** Runs as the application prepares its settings, before the web server (and Tomcat's WebSocket) starts. */
    public static final class FrameBufferSize implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            if (System.getProperty(FRAME_BUFFER_PROPERTY) == null) {
                System.setProperty(FRAME_BUFFER_PROPERTY, String.valueOf(FRAME_BUFFER));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        PushBuffers pushBuffers() {
            return new PushBuffers();
        }

        /**
         * Each open connection's application-side read and write buffers (8 KB each by default) are held for as long
         * as a page's push connection stays open; at {@value PushBuffers#SOCKET_BUFFER} bytes a larger request or response simply
         * takes more reads or writes.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallerSocketBuffers() {
            return factory -> factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER));
                connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER));
            });
        }

        /** The browser's offer of compression is not passed on to the WebSocket handshake, so none is agreed. */
        @Bean
        FilterRegistrationBean<WithoutCompression> pushWithoutCompression() {
            FilterRegistrationBean<WithoutCompression> registration =
                    new FilterRegistrationBean<>(new WithoutCompression());
            registration.addUrlPatterns("/VAADIN/push", "/VAADIN/push/*");
            return registration;
        }
    }

    static final class WithoutCompression extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(
                    request.getHeader(EXTENSIONS_HEADER) == null
                            ? request
                            : new HttpServletRequestWrapper(request) {
                                @Override
                                public String getHeader(String name) {
                                    return EXTENSIONS_HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
                                }

                                @Override
                                public Enumeration<String> getHeaders(String name) {
                                    return EXTENSIONS_HEADER.equalsIgnoreCase(name)
                                            ? Collections.emptyEnumeration()
                                            : super.getHeaders(name);
                                }

                                @Override
                                public Enumeration<String> getHeaderNames() {
                                    return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                                            .filter(header -> !EXTENSIONS_HEADER.equalsIgnoreCase(header))
                                            .toList());
                                }
                            },
                    response);
        }
    }
}
