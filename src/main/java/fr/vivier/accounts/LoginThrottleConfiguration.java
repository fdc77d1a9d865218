package fr.vivier.accounts;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("vivier.login-throttle")
public class LoginThrottleConfiguration {
    private Duration window = Duration.ofMinutes(15);
    private int maxFailuresPerAccountAndIp = 5;
    private int maxFailuresPerIp = 20;
    private int maxFailuresPerAccount = 50;

    public Duration getWindow() { return window; }
    public void setWindow(Duration window) { this.window = window; }
    public int getMaxFailuresPerAccountAndIp() { return maxFailuresPerAccountAndIp; }
    public void setMaxFailuresPerAccountAndIp(int value) { this.maxFailuresPerAccountAndIp = value; }
    public int getMaxFailuresPerIp() { return maxFailuresPerIp; }
    public void setMaxFailuresPerIp(int value) { this.maxFailuresPerIp = value; }
    public int getMaxFailuresPerAccount() { return maxFailuresPerAccount; }
    public void setMaxFailuresPerAccount(int value) { this.maxFailuresPerAccount = value; }
}
