import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import './app.css';

createApp(App).use(createPinia()).use(ElementPlus).mount('#app');
