package fr.vivier.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

@Singleton
class LayoutViewModelProcessor implements ViewModelProcessor<Map<String, Object>> {
    private final LayoutModel layoutModel;

    LayoutViewModelProcessor(LayoutModel layoutModel) {
        this.layoutModel = layoutModel;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElse(Map.of()));
        layoutModel.addTo(request, model);
        modelAndView.setModel(model);
    }
}
